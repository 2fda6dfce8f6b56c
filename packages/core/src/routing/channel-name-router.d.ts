import type { Application } from "../types";
/**
 * Dispatches a worker's `channel` scope on `scope.channel` (Channels' `ChannelNameRouter`).
 * An unknown channel rejects with `UnknownChannelName`, naming it and the configured ones.
 */
export declare function ChannelNameRouter(applications: Record<string, Application<never>>): Application;

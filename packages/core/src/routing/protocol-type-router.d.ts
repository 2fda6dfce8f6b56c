import type { Application, ChannelScope, HttpScope, LifespanScope, WebsocketScope } from "../types";
/** Applications by scope type; the well-known types get their scope's type. */
export interface ProtocolTypeApplications {
    http?: Application<HttpScope>;
    websocket?: Application<WebsocketScope>;
    channel?: Application<ChannelScope>;
    lifespan?: Application<LifespanScope>;
    /** `Application<never>` accepts an application for any scope type. */
    [type: string]: Application<never> | undefined;
}
/**
 * Dispatches on `scope.type` (Channels' `ProtocolTypeRouter`). A type with no entry rejects
 * with `UnknownProtocolType`, which names the type and the configured ones.
 */
export declare function ProtocolTypeRouter(applications: ProtocolTypeApplications): Application;

import type { Application, Receive, Scope, Send } from "../types";
import { assertApplication } from "./application-check";
import { ScopeKeyMissing, UnknownChannelName } from "./routing-errors";

/**
 * Dispatches a worker's `channel` scope on `scope.channel` (Channels' `ChannelNameRouter`).
 * An unknown channel rejects with `UnknownChannelName`, naming it and the configured ones.
 */
export function ChannelNameRouter(applications: Record<string, Application<never>>): Application {
  const byChannel = new Map<string, Application>();
  for (const [channel, app] of Object.entries(applications)) {
    assertApplication(`ChannelNameRouter entry ${JSON.stringify(channel)}`, app);
    byChannel.set(channel, app as Application);
  }

  return async function channelNameRouter(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const channel = scope.channel;
    if (typeof channel !== "string") {
      throw new ScopeKeyMissing(
        "ChannelNameRouter",
        "channel",
        scope.type,
        "use it only for 'channel' scopes: ProtocolTypeRouter({ channel: ChannelNameRouter({ ... }) }).",
      );
    }
    const app = byChannel.get(channel);
    if (app === undefined) throw new UnknownChannelName(channel, [...byChannel.keys()]);
    return app(scope, receive, send);
  };
}

import type {
  Application,
  ChannelScope,
  HttpScope,
  LifespanScope,
  Receive,
  Scope,
  Send,
  WebsocketScope,
} from "../types";
import { assertApplication } from "./application-check";
import { UnknownProtocolType } from "./routing-errors";

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
export function ProtocolTypeRouter(applications: ProtocolTypeApplications): Application {
  const byType = new Map<string, Application>();
  for (const [type, app] of Object.entries(applications)) {
    if (app === undefined) continue;
    assertApplication(`ProtocolTypeRouter entry ${JSON.stringify(type)}`, app);
    byType.set(type, app as Application);
  }

  // Not async: the protocol's application's promise is returned as it is (no promise per level).
  return function protocolTypeRouter(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const app = byType.get(scope.type);
    if (app === undefined) return Promise.reject(new UnknownProtocolType(scope.type, [...byType.keys()]));
    try {
      return Promise.resolve(app(scope, receive, send));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
}

import type { IncomingMessage } from "node:http";
import { compileOriginPatterns, isSameHost, parseOrigin, type OriginMatcher } from "@channels-ts/core";

/**
 * Decides, before the application runs, whether a WebSocket handshake may come from the page
 * that opened it. Browsers let any site open a WebSocket to any other with the user's cookies
 * attached (cross-site WebSocket hijacking), and only the Origin header tells them apart; in
 * Channels that check is opt-in middleware and real apps were hijacked for lack of it, so here
 * it is on by default: same host as the request's Host header (the rule of
 * AllowedHostsOriginValidator), or one of `allowedOrigins`.
 * A handshake without Origin comes from no browser (a script or another server) and passes:
 * only a browser carries a victim's cookies to another site, and it always sends Origin. (Channels'
 * validators refuse a missing Origin; core's OriginValidator still does, inside the application.)
 */
export class OriginCheck {
  private readonly matcher: OriginMatcher;

  constructor(allowedOrigins: readonly string[]) {
    this.matcher = compileOriginPatterns(allowedOrigins);
  }

  /** The refused Origin value, or undefined when the handshake may go on. */
  refused(req: IncomingMessage): string | undefined {
    const value = req.headers.origin;
    if (value === undefined) return undefined;
    if (this.matcher.allowsAll) return undefined;
    const origin = parseOrigin(value);
    const host = req.headers.host;
    if (origin !== null && ((host !== undefined && isSameHost(origin, host)) || this.matcher.matches(origin)))
      return undefined;
    return value;
  }
}

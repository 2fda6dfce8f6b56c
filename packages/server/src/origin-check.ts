import type { IncomingMessage } from "node:http";
import { compileOriginPatterns, parseOrigin, type OriginMatcher } from "@channels-ts/core";

/**
 * Decides, before the application runs, whether a WebSocket handshake may come from the page
 * that opened it. Browsers let any site open a WebSocket to any other with the user's cookies
 * attached (cross-site WebSocket hijacking), and only the Origin header tells them apart; in
 * Channels that check is opt-in middleware and real apps were hijacked for lack of it, so here
 * it is on by default: same host as the request's Host header, or one of `allowedOrigins`.
 * A handshake without Origin comes from no browser (a script or another server) and passes, as
 * with Django's AllowedHostsOriginValidator when the Origin is absent.
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
    if (origin !== null && (sameHost(origin.hostname, origin.port, req.headers.host) || this.matcher.matches(origin)))
      return undefined;
    return value;
  }
}

/** Whether the Origin names the host (and port, when the Host header gives one) the request was sent to. */
function sameHost(hostname: string, port: number | null, hostHeader: string | undefined): boolean {
  if (hostHeader === undefined) return false;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host !== hostname) return false;
  // Without an explicit port the Host header means the scheme's default, which the Origin's
  // own default port already stands for.
  return url.port === "" || Number(url.port) === port;
}

import type { Application, Scope } from "../types";
import { denyWebsocket } from "./deny-websocket";
import { compileOriginPatterns, parseOrigin, type OriginMatcher, type ParsedOrigin } from "./origin-pattern";
import { headerValues } from "./scope-headers";

/** Decides from the scope and its parsed Origin (null if missing or unusable) whether to let it in. */
export type OriginCheck = (origin: ParsedOrigin | null, scope: Scope) => boolean;

/**
 * Wraps `inner` so that only WebSocket handshakes passing `check` reach it; the rest are
 * refused by `denyWebsocket` without the application ever running. Several Origin headers
 * count as none: a browser sends exactly one.
 *
 * Other scope types pass through unchanged: the Origin check exists because browsers let any
 * page open a WebSocket to any site with the user's cookies attached (cross-site WebSocket
 * hijacking); for HTTP the same-origin policy and CORS are the mechanism, and belong in the
 * HTTP layer.
 */
export function originGate(inner: Application, check: OriginCheck, name: string): Application {
  const gate: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return inner(scope, receive, send);
    const values = headerValues(scope, "origin");
    const origin = values.length === 1 ? parseOrigin(values[0]) : null;
    if (check(origin, scope)) return inner(scope, receive, send);
    return denyWebsocket(scope, receive, send);
  };
  Object.defineProperty(gate, "name", { value: name });
  return gate;
}

/** The check for a list of allowed-origin patterns (see `compileOriginPatterns`). */
export function patternCheck(matcher: OriginMatcher): OriginCheck {
  if (matcher.allowsAll) return () => true;
  return (origin) => origin !== null && matcher.matches(origin);
}

/**
 * Refuses WebSocket handshakes whose Origin header matches none of `allowedOrigins`
 * (channels.security.websocket.OriginValidator), e.g.
 * `OriginValidator(app, [".example.com", "http://localhost:8000"])`.
 * Patterns are compiled once here; a missing Origin is refused unless "*" is listed.
 */
export function OriginValidator<S extends Scope = Scope>(
  inner: Application<S>,
  allowedOrigins: readonly string[],
): Application {
  return originGate(inner as Application, patternCheck(compileOriginPatterns(allowedOrigins)), "originValidator");
}

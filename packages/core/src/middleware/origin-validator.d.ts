import type { Application, Scope } from "../types";
import { type OriginMatcher, type ParsedOrigin } from "./origin-pattern";
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
export declare function originGate(inner: Application, check: OriginCheck, name: string): Application;
/** The check for a list of allowed-origin patterns (see `compileOriginPatterns`). */
export declare function patternCheck(matcher: OriginMatcher): OriginCheck;
/**
 * Refuses WebSocket handshakes whose Origin header matches none of `allowedOrigins`
 * (channels.security.websocket.OriginValidator), e.g.
 * `OriginValidator(app, [".example.com", "http://localhost:8000"])`.
 * Patterns are compiled once here; a missing Origin is refused unless "*" is listed.
 */
export declare function OriginValidator<S extends Scope = Scope>(inner: Application<S>, allowedOrigins: readonly string[]): Application;

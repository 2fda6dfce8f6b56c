export { BaseMiddleware, type ScopeExtras } from "./base-middleware";
export { MiddlewareConfigError, InvalidCookie } from "./errors";
export { parseCookies, type Cookies } from "./parse-cookies";
export { setCookieHeader, deleteCookieHeader, type CookieOptions } from "./set-cookie-header";
export { CookieMiddleware, type CookieScope } from "./cookie-middleware";
export { CookieSigner } from "./cookie-signer";
export type { SessionStore, SessionData, SessionValue } from "./session-store";
export { MemorySessionStore, type MemorySessionStoreOptions } from "./memory-session-store";
export { Session, newSessionKey } from "./session";
export {
  SessionMiddleware,
  SessionMiddlewareStack,
  type SessionMiddlewareOptions,
  type SessionScope,
} from "./session-middleware";
export { AnonymousUser, isAuthenticated, type User } from "./user";
export {
  login,
  logout,
  getSession,
  safeEqual,
  SESSION_USER_ID_KEY,
  SESSION_USER_HASH_KEY,
  type LoginOptions,
} from "./login";
export {
  AuthMiddleware,
  AuthMiddlewareStack,
  sessionUserResolver,
  type AuthScope,
  type AuthMiddlewareOptions,
  type AuthMiddlewareStackOptions,
  type ResolveUserOptions,
  type SessionUserOptions,
  type UserResolver,
} from "./auth-middleware";
export {
  compileOriginPatterns,
  isSameHost,
  parseOrigin,
  type OriginMatcher,
  type ParsedOrigin,
} from "./origin-pattern";
export { TokenAuthMiddleware, type TokenAuthMiddlewareOptions } from "./token-auth-middleware";
export {
  tokenFromCookie,
  tokenFromFirstMessage,
  tokenFromHeader,
  tokenFromSubprotocol,
  type CookieTokenSource,
  type FirstMessageOptions,
  type FirstMessageTokenSource,
  type HeaderTokenSource,
  type SubprotocolTokenSource,
  type TokenFrom,
  type TokenSource,
} from "./token-source";
export { UNAUTHENTICATED_CLOSE_CODE } from "./first-message-token";
export { OriginValidator, type OriginCheck } from "./origin-validator";
export { AllowedHostsOriginValidator } from "./allowed-hosts-origin-validator";
export { denyWebsocket } from "./deny-websocket";

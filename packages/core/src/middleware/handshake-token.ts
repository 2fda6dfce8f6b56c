import type { Scope } from "../types";
import { parseCookies } from "./parse-cookies";
import { headerValues } from "./scope-headers";
import type { CookieTokenSource, HeaderTokenSource, SubprotocolTokenSource } from "./token-source";

/** What a handshake source found: the token, or that it was there but unusable. */
export type HandshakeToken = { token: string } | { malformed: string } | undefined;

/**
 * The token in `Authorization: <scheme> <token>`. A second header of that name, another scheme
 * or an empty token is malformed, never guessed at: which one would the client have meant?
 */
export function tokenInHeader(scope: Scope, source: HeaderTokenSource): HandshakeToken {
  const values = headerValues(scope, source.header);
  if (values.length === 0) return undefined;
  if (values.length > 1) return { malformed: `more than one ${source.header} header` };
  const value = (values[0] as string).trim();
  let token = value;
  if (source.scheme !== null) {
    const space = value.indexOf(" ");
    if (space === -1 || value.slice(0, space).toLowerCase() !== source.scheme.toLowerCase()) {
      return { malformed: `${source.header} is not "${source.scheme} <token>"` };
    }
    token = value.slice(space + 1).trim();
  }
  return token === "" ? { malformed: `empty token in ${source.header}` } : { token };
}

/** The token in a cookie; `scope.cookies` when CookieMiddleware has run, else the Cookie header. */
export function tokenInCookie(scope: Scope, source: CookieTokenSource): HandshakeToken {
  const parsed = scope["cookies"];
  const cookies =
    typeof parsed === "object" && parsed !== null
      ? (parsed as Record<string, string>)
      : parseCookies(headerValues(scope, "cookie").join("; "));
  const token = Object.hasOwn(cookies, source.cookie) ? cookies[source.cookie] : undefined;
  if (token === undefined) return undefined;
  return token === "" ? { malformed: `empty cookie ${source.cookie}` } : { token };
}

/** The offered subprotocol right after the marker: `new WebSocket(url, ["access_token", token])`. */
export function tokenInSubprotocols(scope: Scope, source: SubprotocolTokenSource): HandshakeToken {
  const offered = offeredSubprotocols(scope);
  const at = offered.indexOf(source.marker);
  if (at === -1) return undefined;
  const token = offered[at + 1];
  return token === undefined ? { malformed: `no subprotocol after ${source.marker}` } : { token };
}

export function offeredSubprotocols(scope: Scope): string[] {
  const offered = scope["subprotocols"];
  return Array.isArray(offered) ? offered.filter((name): name is string => typeof name === "string") : [];
}

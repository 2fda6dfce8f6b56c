import { ProtocolError } from "../errors";
import type { SendEvent } from "../events";
import type { Application, Headers, Message, Receive, Scope, Send } from "../types";
import type { AuthScope } from "./auth-middleware";
import { denyWebsocket } from "./deny-websocket";
import { MiddlewareConfigError } from "./errors";
import { closeUnauthenticated, readFirstMessageToken } from "./first-message-token";
import {
  offeredSubprotocols,
  tokenInCookie,
  tokenInHeader,
  tokenInSubprotocols,
  type HandshakeToken,
} from "./handshake-token";
import { keepPathRouting } from "./keep-path-routing";
import { tokenSourcesOf, type FirstMessageTokenSource, type TokenFrom, type TokenSource } from "./token-source";
import { AnonymousUser, isAuthenticated, type User } from "./user";

export interface TokenAuthMiddlewareOptions<U extends User> {
  /**
   * The user a token belongs to, or null for a token that is not valid (unknown, expired, forged).
   * Compare secrets with `safeEqual` (constant time) or check a signature; never with `===`.
   */
  verify: (token: string, scope: Readonly<Scope>) => Promise<U | null> | U | null;
  /** Where the token travels; a list is tried in order, and the first token found is the one verified. */
  from: TokenFrom | readonly TokenFrom[];
  /**
   * Default true: a connection without a token is refused (HTTP 401, WebSocket handshake 403). False
   * lets it in with an `AnonymousUser`. A token that is there but not valid is refused either way.
   */
  required?: boolean;
}

const OPTION_NAMES = new Set(["verify", "from", "required"]);
// Query parameters that are a token by any other name: refused, so the mistake shows at once.
const URL_TOKEN_PARAMS = ["access_token", "token", "authorization", "auth", "jwt", "api_key", "apikey"];

/**
 * Authenticates each HTTP request and WebSocket with a token and puts its user in `scope.user`,
 * before the inner application starts. The token travels in a header, a cookie, the subprotocol
 * list or the first message (see `TokenSource`), never in the URL: a request whose query string
 * has a token parameter (`access_token`, `token`, ...) is refused with 400 / 403, since the URL
 * has by then been written to access logs. An outer authenticated `scope.user` (a session) is kept.
 * Other scope types (lifespan, channel) pass through untouched.
 */
export function TokenAuthMiddleware<U extends User, S extends AuthScope<U> = AuthScope<U>>(
  inner: Application<S>,
  options: TokenAuthMiddlewareOptions<U>,
): Application {
  const { verify, required, sources } = checkOptions(options);
  const handshakeSources = sources.filter((source) => source.in !== "first-message");
  const firstMessage = sources.find((source): source is FirstMessageTokenSource => source.in === "first-message");
  const markers = sources.flatMap((source) => (source.in === "subprotocol" ? [source.marker] : []));
  const urlParams = new Set([
    ...URL_TOKEN_PARAMS,
    ...sources.flatMap((source) =>
      source.in === "cookie" ? [source.cookie] : source.in === "first-message" ? [source.field] : [],
    ),
  ]);
  const run = (scope: Scope, user: U | AnonymousUser, receive: Receive, send: Send): Promise<void> =>
    scope.type === "websocket" && markers.length > 0
      ? runWithoutTokenSubprotocols(inner as Application<never>, { ...scope, user }, markers, receive, send)
      : inner({ ...scope, user } as S, receive, send);

  return keepPathRouting(inner as Application<never>, async function tokenAuthMiddleware(scope, receive, send) {
    if (scope.type !== "http" && scope.type !== "websocket") return inner({ ...scope } as S, receive, send);
    if (hasUrlToken(scope, urlParams)) return refuse(scope, receive, send, 400, "token in the URL");
    if (isAuthenticated(scope["user"] as User | undefined)) return inner({ ...scope } as S, receive, send);
    let found: HandshakeToken;
    for (const source of handshakeSources) {
      found = tokenIn(scope, source);
      if (found !== undefined) break;
    }
    if (found !== undefined) {
      if (!("token" in found)) return refuse(scope, receive, send, 401, "invalid_token");
      const user = await verify(found.token, scope);
      if (user === null || !isAuthenticated(user)) return refuse(scope, receive, send, 401, "invalid_token");
      return run(scope, user, receive, send);
    }
    if (firstMessage !== undefined && scope.type === "websocket") {
      return authenticateFirstMessage(inner as Application<never>, scope, firstMessage, verify, receive, send);
    }
    if (required) return refuse(scope, receive, send, 401, undefined);
    return run(scope, new AnonymousUser(), receive, send);
  });
}

function checkOptions<U extends User>(options: TokenAuthMiddlewareOptions<U>) {
  if (typeof options !== "object" || options === null) {
    throw new MiddlewareConfigError("TokenAuthMiddleware needs options { verify(token), from }.");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) {
      throw new MiddlewareConfigError(
        `TokenAuthMiddleware got an unknown option ${JSON.stringify(key)}; the options are verify, from and required.`,
      );
    }
  }
  if (typeof options.verify !== "function") {
    throw new MiddlewareConfigError(
      `TokenAuthMiddleware needs options.verify(token, scope), a function returning the user or null; got ${typeof options.verify}.`,
    );
  }
  const required = options.required ?? true;
  if (typeof required !== "boolean") {
    throw new MiddlewareConfigError(`TokenAuthMiddleware's required must be true or false, got ${String(required)}.`);
  }
  return { verify: options.verify, required, sources: tokenSourcesOf(options.from) };
}

function tokenIn(scope: Scope, source: Exclude<TokenSource, FirstMessageTokenSource>): HandshakeToken {
  switch (source.in) {
    case "header":
      return tokenInHeader(scope, source);
    case "cookie":
      return tokenInCookie(scope, source);
    case "subprotocol":
      return scope.type === "websocket" ? tokenInSubprotocols(scope, source) : undefined;
  }
}

function hasUrlToken(scope: Scope, names: ReadonlySet<string>): boolean {
  const query = scope["query_string"];
  const text = typeof query === "string" ? query : query instanceof Uint8Array ? Buffer.from(query).toString() : "";
  if (text === "") return false;
  for (const name of new URLSearchParams(text).keys()) if (names.has(name.toLowerCase())) return true;
  return false;
}

/**
 * HTTP: 401 with `WWW-Authenticate: Bearer` (RFC 6750), or 400 for a token in the URL. WebSocket:
 * the handshake is refused (close before accept, which the server answers with 403).
 */
async function refuse(scope: Scope, receive: Receive, send: Send, status: 400 | 401, error: string | undefined) {
  if (scope.type === "websocket") return denyWebsocket(scope, receive, send);
  const headers: Headers = [["content-type", "text/plain; charset=utf-8"]];
  let body = "token in the URL refused: send it in a header or a cookie\n";
  if (status === 401) {
    headers.push(["www-authenticate", error === undefined ? "Bearer" : `Bearer error="${error}"`]);
    body = error === undefined ? "authentication required\n" : "invalid token\n";
  }
  await send({ type: "http.response.start", status, headers });
  await send({ type: "http.response.body", body: Buffer.from(body) });
}

/**
 * The inner application sees the offered subprotocols without the markers and the tokens after
 * them (in `subprotocols` and in the `sec-websocket-protocol` header), so it cannot echo a token
 * back; its accept names one of those it saw, or none, and then the marker is the one chosen (a
 * browser fails a handshake that offered subprotocols and got none back).
 */
function runWithoutTokenSubprotocols(
  inner: Application<never>,
  scope: Scope,
  markers: readonly string[],
  receive: Receive,
  send: Send,
): Promise<void> {
  const offered = offeredSubprotocols(scope);
  const hidden = new Set<number>();
  let chosenMarker: string | undefined;
  for (let i = 0; i < offered.length; i++) {
    if (!markers.includes(offered[i] as string)) continue;
    chosenMarker ??= offered[i];
    hidden.add(i).add(i + 1);
    i++;
  }
  if (chosenMarker === undefined) return (inner as Application)(scope, receive, send);
  const visible = offered.filter((_, i) => !hidden.has(i));
  const headers = (Array.isArray(scope["headers"]) ? (scope["headers"] as Headers) : []).filter(
    ([name]) => name !== "sec-websocket-protocol",
  );
  if (visible.length > 0) headers.push(["sec-websocket-protocol", visible.join(", ")]);
  const marker = chosenMarker;
  const innerSend = (event: SendEvent): Promise<void> => {
    if (event.type !== "websocket.accept") return send(event);
    const chosen = event.subprotocol ?? undefined;
    if (chosen === undefined) return send({ ...event, subprotocol: marker });
    if (chosen === marker || visible.includes(chosen)) return send(event);
    throw new ProtocolError(
      `websocket.accept chose a subprotocol ${offered.includes(chosen) ? "that carries a token" : JSON.stringify(chosen)}` +
        `, not one of those in scope.subprotocols (${JSON.stringify(visible)}); choose one of those or none ` +
        `(TokenAuthMiddleware then answers with ${JSON.stringify(marker)}).`,
    );
  };
  return (inner as Application)({ ...scope, subprotocols: visible, headers }, receive, innerSend);
}

/**
 * The handshake is accepted here; the inner application starts only once the first frame carried
 * a valid token, and then gets the `websocket.connect` as usual. Its accept is answered already (and
 * so may choose no subprotocol nor headers); a close before it is a refusal, 1008 unless it gave a code.
 */
async function authenticateFirstMessage<U extends User>(
  inner: Application<never>,
  scope: Scope,
  source: FirstMessageTokenSource,
  verify: TokenAuthMiddlewareOptions<U>["verify"],
  receive: Receive,
  send: Send,
): Promise<void> {
  const connect = await receive();
  if (connect.type !== "websocket.connect") return;
  await send({ type: "websocket.accept" });
  const { result, pending } = await readFirstMessageToken(receive, source);
  if (result.kind === "disconnected") return;
  if (result.kind === "refused") return closeUnauthenticated(receive, send, result.reason, pending);
  const user = await verify(result.token, scope);
  if (user === null || !isAuthenticated(user)) return closeUnauthenticated(receive, send, "token invalid", undefined);

  let connectDelivered = false;
  let innerAnswered = false;
  const innerReceive = (): Promise<Message> => {
    if (connectDelivered) return receive();
    connectDelivered = true;
    return Promise.resolve(connect);
  };
  const innerSend = (event: SendEvent): Promise<void> => {
    if (innerAnswered) return send(event);
    if (event.type === "websocket.accept") {
      innerAnswered = true;
      if ((event.subprotocol ?? undefined) !== undefined || (event.headers?.length ?? 0) > 0) {
        throw new ProtocolError(
          "websocket.accept named a subprotocol or headers, but with the token in the first message " +
            "TokenAuthMiddleware has accepted the handshake already; accept with neither.",
        );
      }
      return Promise.resolve();
    }
    if (event.type === "websocket.close") {
      innerAnswered = true;
      return send(event.code === undefined ? { ...event, code: 1008 } : event);
    }
    return send(event);
  };
  return (inner as Application)({ ...scope, user }, innerReceive, innerSend);
}

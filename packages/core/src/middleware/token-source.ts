import { MiddlewareConfigError } from "./errors";

/** `Authorization: Bearer <token>`, or any header, with or without a scheme before the token. */
export interface HeaderTokenSource {
  readonly in: "header";
  /** Lower-case header name. */
  readonly header: string;
  /** The auth scheme before the token (matched case-insensitively), or null when the whole value is the token. */
  readonly scheme: string | null;
}

/** A cookie holding the token. */
export interface CookieTokenSource {
  readonly in: "cookie";
  readonly cookie: string;
}

/**
 * The browser pattern `new WebSocket(url, ["access_token", token])`: the token is the offered
 * subprotocol that follows `marker`; the handshake is answered with the marker, never the token.
 */
export interface SubprotocolTokenSource {
  readonly in: "subprotocol";
  readonly marker: string;
}

/**
 * The handshake is accepted, then the first frame must be a JSON object whose `field` is the
 * token, within `timeoutMs`; until then the application has not started and sees nothing.
 */
export interface FirstMessageTokenSource {
  readonly in: "first-message";
  readonly field: string;
  readonly timeoutMs: number;
}

/** Where `TokenAuthMiddleware` reads the token: never the URL. */
export type TokenSource = HeaderTokenSource | CookieTokenSource | SubprotocolTokenSource | FirstMessageTokenSource;

/** A source, or a kind of source with its defaults (`"header"` is `tokenFromHeader()`, and so on). */
export type TokenFrom = TokenSource | TokenSource["in"];

export const DEFAULT_FIRST_MESSAGE_TIMEOUT_MS = 5000;

// RFC 7230 `token`: header names, auth schemes, subprotocols and cookie names are all made of it.
const RFC7230_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkToken(what: string, value: unknown): string {
  if (typeof value !== "string" || !RFC7230_TOKEN.test(value)) {
    throw new MiddlewareConfigError(
      `${what} must be a non-empty string of letters, digits and !#$%&'*+-.^_\`|~ (an RFC 7230 token), ` +
        `got ${JSON.stringify(value) ?? String(value)}.`,
    );
  }
  return value;
}

/** The token in header `name` (default `authorization`), after `scheme` (default `Bearer`; null: the whole value). */
export function tokenFromHeader(name = "authorization", scheme: string | null = "Bearer"): HeaderTokenSource {
  return Object.freeze({
    in: "header",
    header: checkToken("tokenFromHeader's header name", name).toLowerCase(),
    scheme: scheme === null ? null : checkToken("tokenFromHeader's scheme", scheme),
  });
}

/** The token in cookie `name` (default `access_token`). */
export function tokenFromCookie(name = "access_token"): CookieTokenSource {
  return Object.freeze({ in: "cookie", cookie: checkToken("tokenFromCookie's cookie name", name) });
}

/** The token offered as the subprotocol after `marker` (default `access_token`). */
export function tokenFromSubprotocol(marker = "access_token"): SubprotocolTokenSource {
  return Object.freeze({ in: "subprotocol", marker: checkToken("tokenFromSubprotocol's marker", marker) });
}

export interface FirstMessageOptions {
  /** The key of the JSON object that holds the token; default `token`. */
  field?: string;
  /** How long the client has, from the accept, to send its token; default 5000 ms. */
  timeoutMs?: number;
}

/** The token in the first frame: `{"token": "..."}` within 5 s by default. */
export function tokenFromFirstMessage(options: FirstMessageOptions = {}): FirstMessageTokenSource {
  for (const key of Object.keys(options)) {
    if (key !== "field" && key !== "timeoutMs") {
      throw new MiddlewareConfigError(
        `tokenFromFirstMessage got an unknown option ${JSON.stringify(key)}; the options are field and timeoutMs.`,
      );
    }
  }
  const field = options.field ?? "token";
  const timeoutMs = options.timeoutMs ?? DEFAULT_FIRST_MESSAGE_TIMEOUT_MS;
  if (typeof field !== "string" || field === "") {
    throw new MiddlewareConfigError(
      `tokenFromFirstMessage's field must be a non-empty string, got ${JSON.stringify(field)}.`,
    );
  }
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 2_147_483_647) {
    throw new MiddlewareConfigError(
      `tokenFromFirstMessage's timeoutMs must be a number of milliseconds above 0 and at most 2147483647, ` +
        `got ${String(timeoutMs)}.`,
    );
  }
  return Object.freeze({ in: "first-message", field, timeoutMs });
}

const SHORTHANDS: Record<TokenSource["in"], () => TokenSource> = {
  header: () => tokenFromHeader(),
  cookie: () => tokenFromCookie(),
  subprotocol: () => tokenFromSubprotocol(),
  "first-message": () => tokenFromFirstMessage(),
};

/**
 * The sources `from` names, checked: at least one, `"first-message"` only last (it is what
 * happens when the handshake carried no token), and never the URL.
 */
export function tokenSourcesOf(from: unknown): TokenSource[] {
  const list: unknown[] = Array.isArray(from) ? [...(from as unknown[])] : [from];
  if (list.length === 0) throw new MiddlewareConfigError(`TokenAuthMiddleware's from is an empty list; ${FROM_HELP}`);
  const sources = list.map(sourceOf);
  const first = sources.findIndex((source) => source.in === "first-message");
  if (first !== -1 && first !== sources.length - 1) {
    throw new MiddlewareConfigError(
      `TokenAuthMiddleware's from lists "first-message" before another source; it can only be last: ` +
        `the first message is waited for when the handshake carried no token.`,
    );
  }
  return sources;
}

const FROM_HELP = 'give "header", "cookie", "subprotocol", "first-message", a tokenFrom...() source, or a list of them';

function sourceOf(from: unknown): TokenSource {
  if (typeof from === "string") {
    if (Object.hasOwn(SHORTHANDS, from)) return (SHORTHANDS[from as TokenSource["in"]] as () => TokenSource)();
    if (/^(query|query[-_ ]?string|url|uri|search|params?)$/i.test(from)) {
      throw new MiddlewareConfigError(
        `TokenAuthMiddleware does not read tokens from the URL (from: ${JSON.stringify(from)}): URLs are written to ` +
          "access logs, proxy logs and browser history, so a token there leaks to everyone who reads them. " +
          'Send it in a header, a cookie, the subprotocol list (new WebSocket(url, ["access_token", token])) ' +
          'or the first message, and use from: "header", "cookie", "subprotocol" or "first-message".',
      );
    }
  } else if (typeof from === "object" && from !== null) {
    // Through the helpers again, so that a source written by hand is checked as theirs are.
    const source = from as Partial<Record<string, unknown>>;
    switch (source["in"]) {
      case "header":
        return tokenFromHeader(source["header"] as string, source["scheme"] as string | null);
      case "cookie":
        return tokenFromCookie(source["cookie"] as string);
      case "subprotocol":
        return tokenFromSubprotocol(source["marker"] as string);
      case "first-message":
        return tokenFromFirstMessage({ field: source["field"] as string, timeoutMs: source["timeoutMs"] as number });
    }
  }
  throw new MiddlewareConfigError(
    `TokenAuthMiddleware's from got ${JSON.stringify(from) ?? String(from)}; ${FROM_HELP}.`,
  );
}

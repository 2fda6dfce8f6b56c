"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionMiddleware = SessionMiddleware;
exports.SessionMiddlewareStack = SessionMiddlewareStack;
const keep_path_routing_1 = require("./keep-path-routing");
const cookie_middleware_1 = require("./cookie-middleware");
const cookie_signer_1 = require("./cookie-signer");
const errors_1 = require("./errors");
const memory_session_store_1 = require("./memory-session-store");
const session_1 = require("./session");
const set_cookie_header_1 = require("./set-cookie-header");
const defaults = {
    cookieName: "sessionid",
    maxAgeSeconds: 1_209_600,
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: false,
};
let sharedStore;
function processSessionStore() {
    sharedStore ??= new memory_session_store_1.MemorySessionStore();
    return sharedStore;
}
function resolveOptions(options) {
    // Field by field, so an explicit `undefined` falls back to the default instead of erasing it.
    return {
        secret: options.secret,
        store: options.store,
        domain: options.domain,
        cookieName: options.cookieName ?? defaults.cookieName,
        maxAgeSeconds: options.maxAgeSeconds ?? defaults.maxAgeSeconds,
        path: options.path ?? defaults.path,
        httpOnly: options.httpOnly ?? defaults.httpOnly,
        sameSite: options.sameSite ?? defaults.sameSite,
        secure: options.secure ?? defaults.secure,
    };
}
/**
 * Puts a `Session` in `scope.session`, keyed by a signed cookie (Channels' `SessionMiddleware`).
 * Must run inside `CookieMiddleware` (see `SessionMiddlewareStack`). A missing, forged or
 * stale cookie gives an empty new session, never an error. If an outer session middleware
 * already set `scope.session`, this one passes the scope through untouched.
 *
 * HTTP: when the application starts its response (`http.response.start`, status other than
 * 500) with a modified session, the session is saved and a Set-Cookie header added to that
 * message; an emptied session is deleted and its cookie cleared instead.
 * WebSocket: saving is explicit (`await scope.session.save()`), as in Channels, and no cookie
 * can be set: the handshake response has been sent before the application sees the scope.
 */
function SessionMiddleware(inner, options) {
    const config = resolveOptions(options);
    if (!Number.isFinite(config.maxAgeSeconds) || config.maxAgeSeconds <= 0) {
        throw new errors_1.MiddlewareConfigError(`SessionMiddleware maxAgeSeconds must be a positive number of seconds, got ${String(config.maxAgeSeconds)}.`);
    }
    const signer = new cookie_signer_1.CookieSigner(config.secret);
    const store = config.store ?? processSessionStore();
    const cookieOptions = {
        maxAge: config.maxAgeSeconds,
        path: config.path,
        secure: config.secure,
        httpOnly: config.httpOnly,
        sameSite: config.sameSite,
        ...(config.domain === undefined ? {} : { domain: config.domain }),
    };
    // Fail at startup, not at the first response, on a bad cookie name or attribute.
    (0, set_cookie_header_1.setCookieHeader)(config.cookieName, "probe", cookieOptions);
    const clearCookie = (0, set_cookie_header_1.deleteCookieHeader)(config.cookieName, cookieOptions);
    async function commit(session, hadCookie, message) {
        let header;
        if (await session.isEmpty()) {
            const key = session.key;
            if (key !== null)
                await store.delete(key);
            if (!hadCookie)
                return message;
            header = clearCookie;
        }
        else {
            await session.save();
            header = (0, set_cookie_header_1.setCookieHeader)(config.cookieName, signer.sign(session.key), cookieOptions);
        }
        const headers = Array.isArray(message.headers) ? message.headers : [];
        // A new message: the application may reuse its own object, which must stay as it wrote it.
        return { ...message, headers: [...headers, ["set-cookie", header]] };
    }
    return (0, keep_path_routing_1.keepPathRouting)(inner, async function sessionMiddleware(scope, receive, send) {
        if (scope["session"] !== undefined)
            return inner({ ...scope }, receive, send);
        const cookies = scope["cookies"];
        if (typeof cookies !== "object" || cookies === null) {
            throw new errors_1.MiddlewareConfigError("SessionMiddleware found no scope.cookies: wrap it in CookieMiddleware, or use SessionMiddlewareStack(app, options).");
        }
        const raw = cookies[config.cookieName];
        const key = raw === undefined ? null : signer.unsign(raw);
        const session = new session_1.Session(store, key, config.maxAgeSeconds);
        let innerSend = send;
        if (scope.type === "http") {
            const hadCookie = raw !== undefined;
            innerSend = async (message) => {
                if (message.type === "http.response.start" && session.modified && message.status !== 500) {
                    return send(await commit(session, hadCookie, message));
                }
                return send(message);
            };
        }
        return inner({ ...scope, session }, receive, innerSend);
    });
}
/** `CookieMiddleware(SessionMiddleware(inner, options))`, as Channels' `SessionMiddlewareStack`. */
function SessionMiddlewareStack(inner, options) {
    return (0, cookie_middleware_1.CookieMiddleware)(SessionMiddleware(inner, options));
}
//# sourceMappingURL=session-middleware.js.map
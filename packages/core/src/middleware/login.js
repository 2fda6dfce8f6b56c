"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SESSION_USER_HASH_KEY = exports.SESSION_USER_ID_KEY = void 0;
exports.getSession = getSession;
exports.login = login;
exports.logout = logout;
exports.safeEqual = safeEqual;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const session_1 = require("./session");
const user_1 = require("./user");
/** Session keys, as Django's `SESSION_KEY` and `HASH_SESSION_KEY`. */
exports.SESSION_USER_ID_KEY = "_auth_user_id";
exports.SESSION_USER_HASH_KEY = "_auth_user_hash";
/** `scope.session`, or an error saying which middleware is missing. */
function getSession(scope, caller = "This operation") {
    const session = scope["session"];
    if (!(session instanceof session_1.Session)) {
        throw new errors_1.MiddlewareConfigError(`${caller} cannot find scope.session: wrap the application in SessionMiddlewareStack (or AuthMiddlewareStack).`);
    }
    return session;
}
/**
 * Records `user` as logged in (channels.auth.login): stores its id in the session and sets
 * `scope.user`. A session that belonged to another user is flushed first. Persist it with
 * `await scope.session.save()` on a WebSocket; on HTTP the middleware saves it.
 */
async function login(scope, user, options = {}) {
    const session = getSession(scope, "login()");
    const hash = user.sessionAuthHash ?? "";
    const currentId = await session.get(exports.SESSION_USER_ID_KEY);
    if (currentId !== undefined) {
        const storedHash = await session.get(exports.SESSION_USER_HASH_KEY);
        const sameUser = String(currentId) === String(user.id);
        if (!sameUser || (hash !== "" && !safeEqual(storedHash, hash)))
            await session.flush();
    }
    else if (options.cycleKey !== false) {
        await session.cycleKey();
    }
    await session.set(exports.SESSION_USER_ID_KEY, user.id);
    await session.set(exports.SESSION_USER_HASH_KEY, hash);
    scope["user"] = user;
}
/** Forgets the logged-in user (channels.auth.logout): flushes the session, `scope.user` becomes anonymous. */
async function logout(scope) {
    await getSession(scope, "logout()").flush();
    if ("user" in scope)
        scope["user"] = new user_1.AnonymousUser();
}
/** Constant-time string comparison; anything but a string is unequal. */
function safeEqual(stored, expected) {
    if (typeof stored !== "string")
        return false;
    const a = Buffer.from(stored);
    const b = Buffer.from(expected);
    return a.length === b.length && (0, node_crypto_1.timingSafeEqual)(a, b);
}
//# sourceMappingURL=login.js.map
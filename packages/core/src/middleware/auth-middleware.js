"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionUserResolver = sessionUserResolver;
exports.AuthMiddleware = AuthMiddleware;
exports.AuthMiddlewareStack = AuthMiddlewareStack;
const keep_path_routing_1 = require("./keep-path-routing");
const cookie_middleware_1 = require("./cookie-middleware");
const errors_1 = require("./errors");
const login_1 = require("./login");
const session_middleware_1 = require("./session-middleware");
const user_1 = require("./user");
/**
 * The default resolver (channels.auth.get_user): reads the id `login()` stored under
 * `_auth_user_id` and loads that user. If the user has a `sessionAuthHash` that no longer
 * matches the one stored at login, the session is flushed and the user is anonymous.
 */
function sessionUserResolver(loadUser) {
    return async function resolveSessionUser(scope) {
        const session = (0, login_1.getSession)(scope, "AuthMiddleware's session resolver");
        const id = await session.get(login_1.SESSION_USER_ID_KEY);
        if (typeof id !== "string" && typeof id !== "number")
            return null;
        const user = await loadUser(id);
        if (user === null || user.sessionAuthHash === undefined)
            return user;
        if ((0, login_1.safeEqual)(await session.get(login_1.SESSION_USER_HASH_KEY), user.sessionAuthHash))
            return user;
        await session.flush();
        return null;
    };
}
/**
 * Puts the user in `scope.user` (channels.auth.AuthMiddleware), or an `AnonymousUser`.
 * The user is resolved before the inner application starts, so `scope.user` is a plain
 * value, never a promise. An outer `scope.user` is left as it is.
 */
function AuthMiddleware(inner, options) {
    const resolveUser = userResolverOf(options);
    return (0, keep_path_routing_1.keepPathRouting)(inner, async function authMiddleware(scope, receive, send) {
        if (scope["user"] !== undefined)
            return inner({ ...scope }, receive, send);
        const user = (await resolveUser(scope)) ?? new user_1.AnonymousUser();
        return inner({ ...scope, user }, receive, send);
    });
}
/** The resolver the options name; the types allow exactly one, and so does this check for JavaScript callers. */
function userResolverOf(options) {
    const { loadUser, resolveUser } = (options ?? {});
    if (loadUser !== undefined && resolveUser !== undefined) {
        throw new errors_1.MiddlewareConfigError("AuthMiddleware was given both options.loadUser and options.resolveUser; give one: loadUser(id) to read the user " +
            "login() stored in the session, or resolveUser(scope) to find the user another way.");
    }
    if (typeof resolveUser === "function")
        return resolveUser;
    if (typeof loadUser === "function")
        return sessionUserResolver(loadUser);
    const given = resolveUser !== undefined
        ? `resolveUser ${typeof resolveUser}`
        : loadUser !== undefined
            ? `loadUser ${typeof loadUser}`
            : "neither";
    throw new errors_1.MiddlewareConfigError(`AuthMiddleware needs options.loadUser(id) (to read the session) or options.resolveUser(scope), a function; got ${given}.`);
}
/** `CookieMiddleware(SessionMiddleware(AuthMiddleware(inner)))`, as Channels' `AuthMiddlewareStack`. */
function AuthMiddlewareStack(inner, options) {
    return (0, cookie_middleware_1.CookieMiddleware)((0, session_middleware_1.SessionMiddleware)(AuthMiddleware(inner, options), options));
}
//# sourceMappingURL=auth-middleware.js.map
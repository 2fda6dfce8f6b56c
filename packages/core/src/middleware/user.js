"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AnonymousUser = void 0;
exports.isAuthenticated = isAuthenticated;
/** `scope.user` when nobody is logged in (Django's `AnonymousUser`). */
class AnonymousUser {
    id = null;
    isAuthenticated = false;
    isAnonymous = true;
    toString() {
        return "AnonymousUser";
    }
}
exports.AnonymousUser = AnonymousUser;
/** True for a logged-in user, narrowing `scope.user` to your user type. */
function isAuthenticated(user) {
    return user !== undefined && !(user instanceof AnonymousUser) && user.isAuthenticated !== false;
}
//# sourceMappingURL=user.js.map
/** The least a user object must have for `AuthMiddleware`, `login` and `logout`. */
export interface User {
    id: string | number;
    isAuthenticated?: boolean;
    /**
     * Optional: a value that changes when the credentials do (Django's
     * `get_session_auth_hash`). When present, `login` stores it and the default resolver
     * ends sessions whose stored hash no longer matches, e.g. after a password change.
     */
    sessionAuthHash?: string;
}
/** `scope.user` when nobody is logged in (Django's `AnonymousUser`). */
export declare class AnonymousUser {
    readonly id: null;
    readonly isAuthenticated = false;
    readonly isAnonymous = true;
    toString(): string;
}
/** True for a logged-in user, narrowing `scope.user` to your user type. */
export declare function isAuthenticated<U extends User>(user: U | AnonymousUser | undefined): user is U;

import type { Application, Receive, Scope, Send } from "../types";
/** Keys a middleware adds to the scope it passes inward. */
export type ScopeExtras = Record<string, unknown> | undefined;
/**
 * Base class for class-style middleware (Channels' `BaseMiddleware`). One instance wraps one
 * inner application and serves every connection, so it must keep no per-connection state
 * on itself: put such state in the scope it passes inward.
 *
 * The caller's scope is never mutated: `call` passes `{ ...scope, ...extras }` inward.
 * Override `populateScope` to add keys, or `call` to wrap `receive`/`send` as well.
 */
export declare class BaseMiddleware<S extends Scope = Scope> {
    protected readonly inner: Application<S>;
    constructor(inner: Application<S>);
    /** Returns the keys to add to the inner scope; may be async (e.g. a database lookup). */
    protected populateScope(_scope: Readonly<Scope>): ScopeExtras | Promise<ScopeExtras>;
    call(scope: Scope, receive: Receive, send: Send): Promise<void>;
    /** This middleware as a plain application, named after the subclass for stack traces. */
    asApp(): Application;
}

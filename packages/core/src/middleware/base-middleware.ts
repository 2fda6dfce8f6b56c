import { keepPathRouting } from "./keep-path-routing";
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
export class BaseMiddleware<S extends Scope = Scope> {
  constructor(protected readonly inner: Application<S>) {}

  /** Returns the keys to add to the inner scope; may be async (e.g. a database lookup). */
  protected populateScope(_scope: Readonly<Scope>): ScopeExtras | Promise<ScopeExtras> {
    return undefined;
  }

  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const extras = await this.populateScope(scope);
    // The copy is what keeps outer applications from seeing inner middleware's keys.
    return this.inner({ ...scope, ...extras } as S, receive, send);
  }

  /** This middleware as a plain application, named after the subclass for stack traces. */
  asApp(): Application {
    const app: Application = (scope, receive, send) => this.call(scope, receive, send);
    Object.defineProperty(app, "name", { value: this.constructor.name });
    return keepPathRouting(this.inner as Application<never>, app);
  }
}

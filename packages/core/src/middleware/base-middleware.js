"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BaseMiddleware = void 0;
const keep_path_routing_1 = require("./keep-path-routing");
/**
 * Base class for class-style middleware (Channels' `BaseMiddleware`). One instance wraps one
 * inner application and serves every connection, so it must keep no per-connection state
 * on itself: put such state in the scope it passes inward.
 *
 * The caller's scope is never mutated: `call` passes `{ ...scope, ...extras }` inward.
 * Override `populateScope` to add keys, or `call` to wrap `receive`/`send` as well.
 */
class BaseMiddleware {
    inner;
    constructor(inner) {
        this.inner = inner;
    }
    /** Returns the keys to add to the inner scope; may be async (e.g. a database lookup). */
    populateScope(_scope) {
        return undefined;
    }
    async call(scope, receive, send) {
        const extras = await this.populateScope(scope);
        // The copy is what keeps outer applications from seeing inner middleware's keys.
        return this.inner({ ...scope, ...extras }, receive, send);
    }
    /** This middleware as a plain application, named after the subclass for stack traces. */
    asApp() {
        const app = (scope, receive, send) => this.call(scope, receive, send);
        Object.defineProperty(app, "name", { value: this.constructor.name });
        return (0, keep_path_routing_1.keepPathRouting)(this.inner, app);
    }
}
exports.BaseMiddleware = BaseMiddleware;
//# sourceMappingURL=base-middleware.js.map
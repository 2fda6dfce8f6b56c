"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Release = void 0;
/**
 * Resolves `released` when the application settles, or `applicationCloseTimeoutMs` after its
 * disconnect if it is still running then (an application cannot be cancelled in JS, so the
 * server can only stop waiting for it, and says so). The promise is made only when someone asks
 * for it (shutdown does): an idle connection that nobody waits for holds none.
 */
class Release {
    context;
    owner;
    promise;
    resolvePromise;
    timer;
    settled = false;
    done = false;
    /** `owner` is the connection itself (no closures per connection) or, simpler, a label function. */
    constructor(context, owner) {
        this.context = context;
        this.owner = owner;
    }
    get released() {
        if (this.promise === undefined) {
            this.promise = this.done
                ? Promise.resolve()
                : new Promise((resolve) => {
                    this.resolvePromise = resolve;
                });
        }
        return this.promise;
    }
    /** The application has returned or thrown. */
    settle() {
        this.settled = true;
        if (this.timer !== undefined)
            clearTimeout(this.timer);
        this.release();
    }
    /** The application has been told the connection is gone; from now on it has a deadline. */
    startDeadline() {
        if (this.settled || this.timer !== undefined)
            return;
        this.timer = setTimeout(Release.onDeadline, this.context.options.applicationCloseTimeoutMs, this);
        this.timer.unref();
    }
    static onDeadline(release) {
        const ms = release.context.options.applicationCloseTimeoutMs;
        release.context.logger.warn(`Application for ${release.label} is still running ${ms} ms after its disconnect; no longer waiting for it ` +
            "(raise applicationCloseTimeoutMs or make the application return on disconnect).");
        release.release();
    }
    get label() {
        return typeof this.owner === "function" ? this.owner() : this.owner.releaseLabel();
    }
    release() {
        if (this.done)
            return;
        this.done = true;
        if (typeof this.owner !== "function")
            this.owner.onReleased();
        this.resolvePromise?.();
        this.resolvePromise = undefined;
    }
}
exports.Release = Release;
//# sourceMappingURL=connection.js.map
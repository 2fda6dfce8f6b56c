"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplicationCommunicator = exports.ApplicationCancelled = void 0;
const errors_1 = require("../errors");
const async_queue_1 = require("../util/async-queue");
/** The reason a communicator gives the application's pending `receive()` when it stops it. */
class ApplicationCancelled extends errors_1.ChannelsError {
    constructor(why) {
        super(errors_1.ErrorCode.APPLICATION_CANCELLED, `The test communicator stopped the application: ${why}.`, {
            closeCode: 1001,
        });
    }
}
exports.ApplicationCancelled = ApplicationCancelled;
/**
 * Runs one application instance in-process (Channels' ApplicationCommunicator): feed it messages
 * with `sendInput`, read what it sends with `receiveOutput`. No network involved.
 */
class ApplicationCommunicator {
    scope;
    input = new async_queue_1.AsyncQueue();
    output = new async_queue_1.AsyncQueue();
    finished;
    outcome;
    /** The scope's type picks the events `sendInput` takes: any message for a scope type the server does not speak. */
    constructor(application, scope) {
        this.scope = scope;
        this.finished = application(scope, () => this.input.get(), async (event) => this.output.put(event)).then(() => this.settle({}), (error) => this.settle({ error }));
    }
    /** True once the application has returned or thrown. */
    get done() {
        return this.outcome !== undefined;
    }
    /** Hands the application `message`, as the server would (`{ type: "websocket.receive", text }`, ...). */
    async sendInput(message) {
        this.throwIfFailed();
        this.input.put(message);
    }
    /**
     * The next message the application sent. Throws the application's own error if it failed with
     * nothing left to read, and a `CommunicatorTimeout` (after stopping the application) on timeout.
     */
    async receiveOutput(timeoutMs = 1000) {
        if (this.output.size > 0)
            return this.output.get();
        const arrived = await this.waitFor(timeoutMs, (wake) => this.output.onceNotEmpty(wake));
        if (this.output.size > 0)
            return this.output.get();
        this.throwIfFailed();
        if (this.done)
            throw new errors_1.ChannelsError(errors_1.ErrorCode.APPLICATION_ENDED, "The application ended without sending another message.");
        if (!arrived) {
            await this.stop("receiveOutput timed out");
            throw new errors_1.CommunicatorTimeout("the application to send a message", timeoutMs);
        }
        return this.output.get();
    }
    /** True when the application sends nothing within `timeoutMs` (nothing is consumed). */
    async receiveNothing(timeoutMs = 100) {
        if (this.output.size > 0)
            return false;
        await this.waitFor(timeoutMs, (wake) => this.output.onceNotEmpty(wake));
        return this.output.size === 0;
    }
    /** Waits for the application to end; rethrows its error. Stops it on timeout. */
    async wait(timeoutMs = 1000) {
        const ended = await this.waitFor(timeoutMs, () => () => undefined);
        if (!ended) {
            await this.stop("wait timed out");
            throw new errors_1.CommunicatorTimeout("the application to finish", timeoutMs);
        }
        this.throwIfFailed();
    }
    /**
     * Ends the application cleanly: its pending and future `receive()` calls reject, and we wait
     * (up to `graceMs`) for it to unwind, so a consumer's cleanup has run when this returns.
     */
    async stop(why = "stopped by the test", graceMs = 1000) {
        this.input.cancel(new ApplicationCancelled(why));
        await this.waitFor(graceMs, () => () => undefined);
    }
    settle(outcome) {
        // A consumer stopped by us is not a failure of the application.
        this.outcome = outcome.error instanceof ApplicationCancelled ? {} : outcome;
        this.output.cancel(new errors_1.ChannelsError(errors_1.ErrorCode.APPLICATION_ENDED, "The application has ended."));
    }
    throwIfFailed() {
        if (this.outcome !== undefined && "error" in this.outcome && this.output.size === 0)
            throw this.outcome.error;
    }
    /** Resolves true when `subscribe`'s event fires or the app ends, false after `ms`. */
    waitFor(ms, subscribe) {
        if (this.done)
            return Promise.resolve(true);
        return new Promise((resolve) => {
            let settled = false;
            const finish = (value) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                unsubscribe();
                resolve(value);
            };
            const timer = setTimeout(() => finish(false), ms);
            const unsubscribe = subscribe(() => finish(true));
            void this.finished.then(() => finish(true));
        });
    }
}
exports.ApplicationCommunicator = ApplicationCommunicator;
//# sourceMappingURL=application-communicator.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Lifespan = void 0;
const core_1 = require("@channels-ts/core");
const app_runner_1 = require("./app-runner");
const errors_1 = require("./errors");
const message_queue_1 = require("./message-queue");
const STARTUP_WARNING_MS = 5_000;
/**
 * The ASGI lifespan protocol: one long-lived `lifespan` scope that is told `lifespan.startup`
 * before the server listens and `lifespan.shutdown` after it has drained. An application that
 * ends (or throws) instead of answering the startup event does not support lifespan (e.g. a
 * ProtocolTypeRouter without a "lifespan" entry): the server then carries on, as Daphne and
 * uvicorn do, unless `lifespan: "on"` demands it.
 */
class Lifespan {
    app;
    logger;
    mode;
    queue = new message_queue_1.MessageQueue();
    pending;
    ended;
    started = false;
    constructor(app, logger, mode) {
        this.app = app;
        this.logger = logger;
        this.mode = mode;
    }
    /** Resolves once the application reports startup complete (or does not speak lifespan). */
    async startup() {
        const scope = { type: "lifespan", asgi: { version: "3.0", spec_version: "2.0" }, state: {} };
        (0, app_runner_1.runApplication)(this.app, scope, this.queue.receive, this.send).then(() => this.onEnd(undefined), (err) => this.onEnd(err));
        // An application that ignores the scope type may wait on receive() forever; say why we hang.
        const warning = setTimeout(() => {
            this.logger.warn(`Still waiting for the application to answer lifespan.startup after ${STARTUP_WARNING_MS} ms; ` +
                'if it does not handle the "lifespan" scope, make it return (or throw) for it, or set lifespan: "off".');
        }, STARTUP_WARNING_MS);
        warning.unref();
        const outcome = await this.exchange("startup");
        clearTimeout(warning);
        if (outcome.kind === "failed")
            throw new errors_1.LifespanStartupFailed(outcome.message);
        if (outcome.kind === "ended") {
            const detail = outcome.err instanceof Error ? outcome.err.message : "the application returned";
            if (this.mode === "on") {
                throw new errors_1.LifespanStartupFailed(`lifespan is "on" but the application does not support it (${detail}).`);
            }
            this.logger.debug(`ASGI lifespan protocol appears unsupported (${detail}); carrying on without it.`);
            return;
        }
        this.started = true;
    }
    /** Tells the application the server is stopping; gives up waiting after `timeoutMs`. */
    async shutdown(timeoutMs) {
        if (!this.started || this.ended !== undefined)
            return;
        let timer;
        const timeout = new Promise((resolve) => {
            timer = setTimeout(() => resolve({ kind: "ended", err: new Error(`no answer within ${timeoutMs} ms`) }), timeoutMs);
        });
        const outcome = await Promise.race([this.exchange("shutdown"), timeout]);
        clearTimeout(timer);
        if (outcome.kind === "failed")
            this.logger.error(`Application shutdown failed: ${outcome.message}`);
        else if (outcome.kind === "ended" && outcome.err !== undefined) {
            this.logger.warn(`Application lifespan shutdown did not complete: ${outcome.err.message ?? outcome.err}`);
        }
    }
    exchange(phase) {
        if (this.ended !== undefined)
            return Promise.resolve({ kind: "ended", err: this.ended.err });
        return new Promise((resolve) => {
            this.pending = { phase, resolve };
            this.queue.push({ type: phase === "startup" ? "lifespan.startup" : "lifespan.shutdown" });
        });
    }
    /** What the application is given as `send`: the answer to the pending startup or shutdown, nothing else. */
    send = async (event) => {
        const pending = this.pending;
        // `?.`: a JavaScript application can send null.
        switch (event?.type) {
            case "lifespan.startup.complete":
            case "lifespan.shutdown.complete":
                if (pending !== undefined && event.type === `lifespan.${pending.phase}.complete`) {
                    this.pending = undefined;
                    pending.resolve({ kind: "complete" });
                    return;
                }
                break;
            case "lifespan.startup.failed":
            case "lifespan.shutdown.failed":
                if (pending !== undefined && event.type === `lifespan.${pending.phase}.failed`) {
                    this.pending = undefined;
                    pending.resolve({ kind: "failed", message: typeof event.message === "string" ? event.message : "" });
                    return;
                }
                break;
            // Another protocol's events, named so that a new lifespan event type is a lint error here
            // (switch-exhaustiveness-check) rather than a silent fall into the default.
            case "http.response.start":
            case "http.response.body":
            case "websocket.accept":
            case "websocket.send":
            case "websocket.close":
            default:
                // ... or not an event at all: a JavaScript application sent null, an unknown type, ...
                break;
        }
        throw new core_1.ProtocolError(`Unexpected lifespan message type ${(0, app_runner_1.typeOf)(event)}.`);
    };
    onEnd(err) {
        this.ended = { err };
        const pending = this.pending;
        this.pending = undefined;
        if (pending !== undefined) {
            pending.resolve({ kind: "ended", err });
            return;
        }
        // Ending after a completed startup is normal; throwing then is an application bug to report.
        if (err !== undefined && !(err instanceof core_1.ChannelsError && err.code === core_1.ErrorCode.STOP_CONSUMER)) {
            this.logger.error({ err }, "Exception inside application lifespan handler");
        }
    }
}
exports.Lifespan = Lifespan;
//# sourceMappingURL=lifespan.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Worker = exports.WorkerStopped = void 0;
const errors_1 = require("./errors");
const layers_1 = require("./layers");
const async_queue_1 = require("./util/async-queue");
/** Why a worker's applications stop receiving: the worker was stopped. */
class WorkerStopped extends errors_1.ChannelsError {
    constructor() {
        super(errors_1.ErrorCode.WORKER_STOPPED, "The worker was stopped.", { closeCode: 1001 });
    }
}
exports.WorkerStopped = WorkerStopped;
/**
 * Channels' `runworker`: receives on named (non-specific) channels and runs the application,
 * usually a `ChannelNameRouter`, once per channel; each message goes to that instance in order.
 */
class Worker {
    application;
    channels;
    layer;
    instances = new Map();
    abort = new AbortController();
    logger;
    running;
    constructor(application, channels, options = {}) {
        this.application = application;
        this.channels = channels;
        if (channels.length === 0)
            throw new errors_1.ChannelsError(errors_1.ErrorCode.WORKER_NO_CHANNELS, "Worker needs at least one channel name to listen on.");
        for (const channel of channels) {
            if (channel.includes("!")) {
                throw new errors_1.ChannelsError(errors_1.ErrorCode.WORKER_SPECIFIC_CHANNEL, `Worker channel ${JSON.stringify(channel)} is process-specific (contains "!"); give a plain name such as "thumbnails".`);
            }
        }
        const alias = options.alias ?? "default";
        const layer = options.layer ?? (0, layers_1.getChannelLayer)(alias);
        if (layer === undefined)
            throw new errors_1.ChannelLayerMissing(alias);
        this.layer = layer;
        this.logger = options.logger ?? { error: (message, error) => console.error(message, error) };
    }
    /** Receives until `stop()`; resolves once every application instance has ended. */
    run() {
        this.running ??= Promise.all(this.channels.map((channel) => this.listen(channel))).then(() => this.drain());
        return this.running;
    }
    async stop() {
        this.abort.abort(new WorkerStopped());
        await (this.running ?? this.drain());
    }
    async listen(channel) {
        const signal = this.abort.signal;
        while (!signal.aborted) {
            let message;
            try {
                message = await this.layer.receive(channel, { signal });
            }
            catch (error) {
                if (signal.aborted)
                    return;
                throw error;
            }
            this.instanceFor(channel).queue.put(message);
        }
    }
    instanceFor(channel) {
        const existing = this.instances.get(channel);
        if (existing !== undefined)
            return existing;
        const queue = new async_queue_1.AsyncQueue();
        const scope = { type: "channel", channel };
        const send = async (event) => {
            throw new errors_1.ChannelsError(errors_1.ErrorCode.WORKER_SEND, `A worker application cannot send ${JSON.stringify(event.type)} to a client; use the channel layer.`);
        };
        const instance = {
            queue,
            done: this.application(scope, () => queue.get(), send)
                .then(() => undefined, (error) => {
                if (!(error instanceof WorkerStopped))
                    this.logger.error(`Worker application for channel ${JSON.stringify(channel)} failed`, error);
            })
                .finally(() => {
                // The next message on this channel starts a fresh instance.
                if (this.instances.get(channel) === instance)
                    this.instances.delete(channel);
            }),
        };
        this.instances.set(channel, instance);
        return instance;
    }
    async drain() {
        const pending = [...this.instances.values()];
        for (const instance of pending)
            instance.queue.cancel(new WorkerStopped());
        await Promise.all(pending.map((instance) => instance.done));
    }
}
exports.Worker = Worker;
//# sourceMappingURL=worker.js.map
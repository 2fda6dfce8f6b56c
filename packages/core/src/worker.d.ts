import { ChannelsError } from "./errors";
import type { ChannelLayer } from "./layers/channel-layer";
import type { Application } from "./types";
export interface WorkerOptions {
    /** Layer alias in `channelLayers` ("default"). Ignored when `layer` is given. */
    alias?: string;
    layer?: ChannelLayer;
    /** Where failures of an application instance are reported (default: console). */
    logger?: {
        error(message: string, error?: unknown): void;
    };
}
/** Why a worker's applications stop receiving: the worker was stopped. */
export declare class WorkerStopped extends ChannelsError {
    constructor();
}
/**
 * Channels' `runworker`: receives on named (non-specific) channels and runs the application,
 * usually a `ChannelNameRouter`, once per channel; each message goes to that instance in order.
 */
export declare class Worker {
    private readonly application;
    readonly channels: readonly string[];
    private readonly layer;
    private readonly instances;
    private readonly abort;
    private readonly logger;
    private running;
    constructor(application: Application, channels: readonly string[], options?: WorkerOptions);
    /** Receives until `stop()`; resolves once every application instance has ended. */
    run(): Promise<void>;
    stop(): Promise<void>;
    private listen;
    private instanceFor;
    private drain;
}

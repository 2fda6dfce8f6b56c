import { ChannelsError } from "../errors";
import type { ReceiveEventOf, SendEvent } from "../events";
import type { Application, Scope } from "../types";
/** The reason a communicator gives the application's pending `receive()` when it stops it. */
export declare class ApplicationCancelled extends ChannelsError {
    constructor(why: string);
}
/**
 * Runs one application instance in-process (Channels' ApplicationCommunicator): feed it messages
 * with `sendInput`, read what it sends with `receiveOutput`. No network involved.
 */
export declare class ApplicationCommunicator<S extends Scope = Scope> {
    readonly scope: S;
    private readonly input;
    private readonly output;
    private readonly finished;
    private outcome;
    /** The scope's type picks the events `sendInput` takes: any message for a scope type the server does not speak. */
    constructor(application: Application<S>, scope: S);
    /** True once the application has returned or thrown. */
    get done(): boolean;
    /** Hands the application `message`, as the server would (`{ type: "websocket.receive", text }`, ...). */
    sendInput(message: ReceiveEventOf<S>): Promise<void>;
    /**
     * The next message the application sent. Throws the application's own error if it failed with
     * nothing left to read, and a `CommunicatorTimeout` (after stopping the application) on timeout.
     */
    receiveOutput(timeoutMs?: number): Promise<SendEvent>;
    /** True when the application sends nothing within `timeoutMs` (nothing is consumed). */
    receiveNothing(timeoutMs?: number): Promise<boolean>;
    /** Waits for the application to end; rethrows its error. Stops it on timeout. */
    wait(timeoutMs?: number): Promise<void>;
    /**
     * Ends the application cleanly: its pending and future `receive()` calls reject, and we wait
     * (up to `graceMs`) for it to unwind, so a consumer's cleanup has run when this returns.
     */
    stop(why?: string, graceMs?: number): Promise<void>;
    private settle;
    private throwIfFailed;
    /** Resolves true when `subscribe`'s event fires or the app ends, false after `ms`. */
    private waitFor;
}

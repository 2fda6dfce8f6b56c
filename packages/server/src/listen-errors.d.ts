import { ChannelsError, ErrorCode } from "@channels-ts/core";
/** Errors from `listen()`, reduced to what a user acts on: no Node-internal stack (it only points into node:net). */
export declare abstract class ListenError extends ChannelsError {
    readonly host: string;
    readonly port: number;
    constructor(code: ErrorCode, message: string, host: string, port: number);
}
/** Another process already listens on the port `serve()` was asked for. */
export declare class PortInUse extends ListenError {
    constructor(host: string, port: number);
}
/** `serve()` could not listen for another reason: no permission for the port, an address not on this machine, ... */
export declare class ListenFailed extends ListenError {
    /** Node's error code, e.g. "EACCES", "EADDRNOTAVAIL", "ENOTFOUND". */
    readonly reason: string;
    constructor(host: string, port: number, reason: string, message: string);
}
/** Turns the `error` a node:http server emits on `listen()` into one of the errors above; unknown errors pass through. */
export declare function listenError(err: unknown, host: string, port: number): unknown;

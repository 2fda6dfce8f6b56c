import type { SendEvent } from "../events";
import type { Scope } from "../types";
import { BaseConsumer } from "./base-consumer";
import type { AnyMessages, MessageMap } from "./typed-messages";
/**
 * Channels' AsyncConsumer: handlers named after message types, and `send` for raw ASGI messages
 * to the client. Subclass it for protocols without a generic consumer (workers, custom events).
 */
export declare class AsyncConsumer<M extends MessageMap = AnyMessages, S extends Scope = Scope> extends BaseConsumer<M, S> {
    /** Sends a raw ASGI event (`{ type: "websocket.send", text }`, ...) to the server. */
    send(event: SendEvent): Promise<void>;
}

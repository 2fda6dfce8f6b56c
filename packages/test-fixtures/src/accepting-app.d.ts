import type { Application, Message } from "@channels-ts/core";
/** An application that accepts every WebSocket and records what it hears until the disconnect. */
export interface AcceptingApp extends Application {
    /** Every message after the connect, of every connection, in arrival order (disconnects included). */
    readonly messages: Message[];
    /** The first websocket.disconnect any connection got. */
    readonly disconnected: Promise<Message>;
}
/** A fresh accepting application; HTTP and lifespan scopes return at once. */
export declare function acceptingApp(): AcceptingApp;

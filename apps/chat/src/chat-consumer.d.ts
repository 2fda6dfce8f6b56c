import { WebsocketConsumer, type WebsocketConnectEvent, type WebsocketDisconnectEvent, type WebsocketReceiveEvent } from "@channels-ts/core";
/** The group message of the tutorial: the client's frame, whole. A foreign peer may send anything. */
type XxOo = {
    type: "xx_oo";
    message?: Partial<WebsocketReceiveEvent>;
};
/**
 * The group chat consumer of the original Channels tutorial, kept faithful so that it can share
 * rooms with the tutorial's Django app on one Redis: same group name (the URL's `group`), same
 * group message shape, same handler.
 *
 * Where the original misbehaves, this one does better:
 * - a binary frame is relayed as bytes (the original's handler reads `message.text` and fails
 *   with 1011 for every member of the room);
 * - a room name the channel layer cannot take is refused at the handshake (the original accepts,
 *   then fails with 1011).
 */
export declare class ChatConsumer extends WebsocketConsumer {
    /** The room: the URL's `group`, read once at the handshake. */
    private group;
    websocket_connect(_event: WebsocketConnectEvent): Promise<void>;
    websocket_receive(event: WebsocketReceiveEvent): Promise<void>;
    xx_oo(event: XxOo): Promise<void>;
    websocket_disconnect(_event: WebsocketDisconnectEvent): Promise<void>;
}
export {};

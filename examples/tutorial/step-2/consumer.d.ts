import { WebsocketConsumer, type Message } from "@channels-ts/core";
/** Step 2: every frame goes back to the client that sent it. */
export declare class ChatConsumer extends WebsocketConsumer {
    websocket_connect(_message: Message): Promise<void>;
    websocket_receive(message: Message): Promise<void>;
    websocket_disconnect(_message: Message): Promise<void>;
}

import { WebsocketConsumer, type Message } from "@channels-ts/core";
/** Step 3: every frame goes to every member of the room's group, through the channel layer. */
export declare class ChatConsumer extends WebsocketConsumer {
    private get group();
    websocket_connect(_message: Message): Promise<void>;
    websocket_receive(message: Message): Promise<void>;
    xx_oo(event: Message): Promise<void>;
    websocket_disconnect(_message: Message): Promise<void>;
}

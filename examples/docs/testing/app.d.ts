import { HttpConsumer, WebsocketConsumer, type Message } from "@channels-ts/core";
export declare class RoomConsumer extends WebsocketConsumer {
    connect(): Promise<void>;
    receive(text?: string): Promise<void>;
    chat_message(message: Message): Promise<void>;
}
export declare class Health extends HttpConsumer {
    handle(): Promise<void>;
}
export declare const application: import("@channels-ts/core").Application;

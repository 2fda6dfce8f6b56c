import { WebsocketConsumer, type Handlers, type Message } from "@channels-ts/core";
export declare class Room extends WebsocketConsumer {
    connect(): Promise<void>;
    receive(text?: string): Promise<void>;
    chat_message(message: Message): Promise<void>;
    userJoined(message: Message): Promise<void>;
}
interface ChatMessages {
    "chat.message": {
        text: string;
    };
    "chat.typing": {
        user: string;
    };
}
export declare class TypedRoom extends WebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
    groups: string[];
    receive(text?: string): Promise<void>;
    chat_message(message: {
        type: "chat.message";
        text: string;
    }): Promise<void>;
    chat_typing(message: {
        type: "chat.typing";
        user: string;
    }): Promise<void>;
}
export {};

import { WebsocketConsumer, type Handlers } from "@channels-ts/core";
interface ChatMessages {
    "chat.message": {
        text: string;
    };
    "user.joined": {
        name: string;
        at: number;
    };
}
declare class Chat extends WebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
    groups: string[];
    chat_message(message: {
        type: "chat.message";
        text: string;
    }): Promise<void>;
    user_joined(message: {
        type: "user.joined";
        name: string;
        at: number;
    }): Promise<void>;
    receive(text?: string): Promise<void>;
}
export declare function compileTimeChecks(chat: Chat): Promise<void>;
export {};

import { HttpConsumer, type Message } from "@channels-ts/core";
export declare class Hello extends HttpConsumer {
    handle(body: Uint8Array): Promise<void>;
}
/** GET /events/: one server-sent event per message sent to the group "news". */
export declare class NewsEvents extends HttpConsumer {
    handle(): Promise<void>;
    news_item(message: Message): Promise<void>;
    news_end(): Promise<void>;
}

import { JsonWebsocketConsumer } from "@channels-ts/core";
export declare class Calculator extends JsonWebsocketConsumer {
    receiveJson(content: unknown): Promise<void>;
}

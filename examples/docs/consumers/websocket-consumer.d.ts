import { WebsocketConsumer } from "@channels-ts/core";
export declare class EchoConsumer extends WebsocketConsumer {
    groups: string[];
    connect(): Promise<void>;
    receive(text?: string, bytes?: Uint8Array): Promise<void>;
    disconnect(code: number): Promise<void>;
}

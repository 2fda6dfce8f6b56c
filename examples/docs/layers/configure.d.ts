import { WebsocketConsumer } from "@channels-ts/core";
declare class BulkConsumer extends WebsocketConsumer {
    channelLayerAlias: string;
}
export declare function announce(text: string): Promise<void>;
export { BulkConsumer };

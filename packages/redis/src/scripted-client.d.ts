import type Redis from "ioredis";
type Arg = string | number | Buffer;
/** The layer's scripts as client methods (EVALSHA, falling back to EVAL after a Redis restart). */
export interface ScriptedClient {
    layerSend(key: string, expiredBefore: Arg, capacity: Arg, now: Arg, member: Buffer, expiry: Arg, channel: string): Promise<[full: number, expired: number]>;
    layerGroupSendAll(groupKey: string, ...args: Arg[]): Promise<[members: number, over: number, expired: number]>;
    layerGroupSendCapped(numberOfKeys: number, ...keysAndArgs: Arg[]): Promise<number>;
    layerRestoreInflight(key: string, backupKey: string): Promise<unknown>;
    layerDeletePrefix(pattern: string): Promise<unknown>;
}
export type LayerClient = Redis & ScriptedClient;
/** Register the scripts on `client` (once per connection object). */
export declare function withScripts(client: Redis): LayerClient;
export {};

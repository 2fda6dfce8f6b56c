import type Redis from "ioredis";
import { DELETE_PREFIX, GROUP_SEND_ALL, GROUP_SEND_CAPPED, RESTORE_INFLIGHT, SEND } from "./lua-scripts";

type Arg = string | number | Buffer;

/** The layer's scripts as client methods (EVALSHA, falling back to EVAL after a Redis restart). */
export interface ScriptedClient {
  layerSend(
    key: string,
    expiredBefore: Arg,
    capacity: Arg,
    now: Arg,
    member: Buffer,
    expiry: Arg,
    channel: string,
  ): Promise<[full: number, expired: number]>;
  /** Per message: members, channels skipped as full, messages removed as expired; or -1 and an error (see GROUP_SEND_ALL). */
  layerGroupSendAll(numberOfKeys: number, ...keysAndArgs: Arg[]): Promise<Array<number | string>>;
  layerGroupSendCapped(numberOfKeys: number, ...keysAndArgs: Arg[]): Promise<number>;
  layerRestoreInflight(key: string, backupKey: string): Promise<unknown>;
  layerDeletePrefix(pattern: string): Promise<unknown>;
}

export type LayerClient = Redis & ScriptedClient;

/** Register the scripts on `client` (once per connection object). */
export function withScripts(client: Redis): LayerClient {
  client.defineCommand("layerSend", { numberOfKeys: 1, lua: SEND });
  // One key per group send in the call.
  client.defineCommand("layerGroupSendAll", { lua: GROUP_SEND_ALL });
  // Python passes its keys as KEYS, their number varying per call.
  client.defineCommand("layerGroupSendCapped", { lua: GROUP_SEND_CAPPED });
  // Python passes both keys as ARGV (numkeys 0); kept so MONITOR output matches.
  client.defineCommand("layerRestoreInflight", { numberOfKeys: 0, lua: RESTORE_INFLIGHT });
  client.defineCommand("layerDeletePrefix", { numberOfKeys: 0, lua: DELETE_PREFIX });
  return client as LayerClient;
}

import { randomUUID } from "node:crypto";
import type { ChainableCommander } from "ioredis";
import type Redis from "ioredis";
import { ChannelLayerClosed, type PresenceEntry, type PresenceStore } from "@channels-ts/core";
import { createClient, DEFAULT_HOST, type RedisHost } from "./hosts";
import type { LayerLogger } from "./malformed-counter";
import { checkNumber, checkPrefix } from "./options";
import {
  PRESENCE_BEAT,
  PRESENCE_CLAIM_DEAD,
  PRESENCE_COUNT,
  PRESENCE_LIST,
  PRESENCE_PUT,
  PRESENCE_REAP,
  PRESENCE_REMOVE,
} from "./presence-scripts";

/** Where and how a `RedisPresenceStore` keeps presences. */
export interface RedisPresenceStoreOptions {
  /** The Redis host (as in `hosts`). Default `redis://localhost:6379`. */
  host?: RedisHost;
  /** Key prefix, shared by every process of the application (the layer's `prefix`). Default `"asgi"`. */
  prefix?: string;
  /** How often this process says it is alive, and reaps dead ones. Default 3000. */
  heartbeatMs?: number;
  /**
   * A process silent this long is dead: its presences leave every list at once, and the next
   * heartbeat of any live process removes them and sends their leave diff. At least twice
   * `heartbeatMs`. Default 10000.
   */
  timeoutMs?: number;
  /** Receives warnings (Redis unreachable during a heartbeat), at most one per 10 s. Default `console`. */
  logger?: LayerLogger;
}

export const PRESENCE_STORE_DEFAULTS = { prefix: "asgi", heartbeatMs: 3000, timeoutMs: 10_000 } as const;

/** Entries removed per script call: Lua's unpack() has a limit near 8000 arguments. */
const REMOVE_CHUNK = 1000;
/** Dead processes claimed per heartbeat. */
const CLAIM_LIMIT = 100;
const WARN_INTERVAL_MS = 10_000;

type Arg = string | number;
interface PresenceClient extends Redis {
  presencePut(group: string, hash: string, ...args: Arg[]): Promise<number>;
  presenceRemove(group: string, hash: string, ...args: Arg[]): Promise<number>;
  presenceList(group: string): Promise<string[][]>;
  presenceCount(group: string): Promise<number>;
  presenceBeat(zset: string, kept: string, ...args: Arg[]): Promise<number>;
  presenceClaimDead(nodes: string, limit: number): Promise<string[]>;
  presenceReap(group: string, hash: string, node: string): Promise<string[]>;
}

/** The scripts queued on a pipeline (ioredis adds defined commands to pipelines too). */
interface PresencePipeline extends ChainableCommander {
  presencePut(group: string, hash: string, ...args: Arg[]): PresencePipeline;
  presenceBeat(zset: string, kept: string, ...args: Arg[]): PresencePipeline;
}

/** An entry as stored: short keys, since a group of 10,000 is listed in one reply. */
interface StoredEntry {
  k: string;
  r: string;
  m: Record<string, unknown>;
}

/**
 * Presences on Redis, for both Redis layers (and any process that shares the prefix): one
 * round trip to list or count a group, whatever its size.
 *
 * Per group `g` (all in the slot of the hash tag `{g}`): a sorted set `<prefix>:presence:{g}` of
 * the processes with entries there, scored by their deadline (Redis time of their last heartbeat
 * plus `timeoutMs`), and per process a hash `<prefix>:presence:{g}:<process>` of its entries by
 * ref. A reader takes only the hashes of processes whose deadline is ahead, so the entries of a
 * process that died leave every list `timeoutMs` after its last heartbeat at most. Besides,
 * `<prefix>:presence:processes` scores every process the same way, and
 * `<prefix>:presence:process:<process>` lists its groups: each heartbeat, a live process
 * claims (atomically, so one claims each) the dead ones, removes their entries and reports them
 * (`onExpired`), so their leave diff goes out within `timeoutMs + heartbeatMs` of the death.
 * Every key also expires by itself (10 × `timeoutMs` after the last heartbeat), so nothing is
 * left behind when every process is gone.
 */
export class RedisPresenceStore implements PresenceStore {
  /** This process's id in the keys. */
  readonly processId = randomUUID().replace(/-/g, "");
  readonly prefix: string;
  readonly heartbeatMs: number;
  readonly timeoutMs: number;
  private readonly gcMs: number;
  private readonly client: PresenceClient;
  private readonly logger: LayerLogger;
  /** What this process holds, by group and ref, to keep alive and to restore if it was taken for dead. */
  private readonly own = new Map<string, Map<string, string>>();
  /** Refs whose removal failed (Redis down): tried again at each heartbeat. */
  private readonly unremoved = new Map<string, Set<string>>();
  private readonly listeners: Array<(group: string, entries: readonly PresenceEntry[]) => void> = [];
  private readonly restoredListeners: Array<(group: string, entries: readonly PresenceEntry[]) => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private closed = false;
  private lastWarningAt = -Infinity;

  constructor(options: RedisPresenceStoreOptions = {}) {
    const o = { ...PRESENCE_STORE_DEFAULTS, ...stripUndefined(options) };
    checkPrefix(o.prefix);
    checkNumber("heartbeatMs", o.heartbeatMs, 10);
    checkNumber("timeoutMs", o.timeoutMs, 2 * o.heartbeatMs);
    this.prefix = o.prefix;
    this.heartbeatMs = o.heartbeatMs;
    this.timeoutMs = o.timeoutMs;
    this.gcMs = Math.round(10 * o.timeoutMs);
    this.logger = o.logger ?? console;
    const client = createClient(o.host ?? DEFAULT_HOST, { reconnectMinDelayMs: 50, reconnectMaxDelayMs: 2000 });
    // Failures show as rejected commands (and heartbeat warnings); ioredis reconnects by itself.
    client.on("error", () => undefined);
    client.defineCommand("presencePut", { numberOfKeys: 2, lua: PRESENCE_PUT });
    client.defineCommand("presenceRemove", { numberOfKeys: 2, lua: PRESENCE_REMOVE });
    client.defineCommand("presenceList", { numberOfKeys: 1, lua: PRESENCE_LIST });
    client.defineCommand("presenceCount", { numberOfKeys: 1, lua: PRESENCE_COUNT });
    client.defineCommand("presenceBeat", { numberOfKeys: 2, lua: PRESENCE_BEAT });
    client.defineCommand("presenceClaimDead", { numberOfKeys: 1, lua: PRESENCE_CLAIM_DEAD });
    client.defineCommand("presenceReap", { numberOfKeys: 2, lua: PRESENCE_REAP });
    this.client = client as PresenceClient;
    this.timer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    this.timer.unref();
    void this.heartbeat();
  }

  async put(group: string, entry: PresenceEntry, replaces?: string): Promise<void> {
    if (this.closed) throw new ChannelLayerClosed("presence put");
    const stored = JSON.stringify({ k: entry.key, r: entry.ref, m: entry.meta } satisfies StoredEntry);
    let own = this.own.get(group);
    if (own === undefined) {
      own = new Map();
      this.own.set(group, own);
    }
    if (replaces !== undefined) own.delete(replaces);
    own.set(entry.ref, stored);
    const args = this.processArgs();
    const pipeline = this.client.pipeline() as PresencePipeline;
    pipeline.presencePut(this.groupKey(group), this.hashKey(group), ...args, entry.ref, stored, replaces ?? "");
    pipeline.sadd(this.processGroupsKey(this.processId), group);
    pipeline.pexpire(this.processGroupsKey(this.processId), this.gcMs);
    throwFirstError(await pipeline.exec());
  }

  async remove(group: string, refs: readonly string[]): Promise<void> {
    const own = this.own.get(group);
    if (own !== undefined) {
      for (const ref of refs) own.delete(ref);
      if (own.size === 0) this.own.delete(group);
    }
    if (this.closed || refs.length === 0) return;
    try {
      let left = 1;
      for (let i = 0; i < refs.length; i += REMOVE_CHUNK) {
        const chunk = refs.slice(i, i + REMOVE_CHUNK);
        left = await this.client.presenceRemove(this.groupKey(group), this.hashKey(group), this.processId, ...chunk);
      }
      if (left === 0 && !this.own.has(group)) await this.client.srem(this.processGroupsKey(this.processId), group);
    } catch (error) {
      let pending = this.unremoved.get(group);
      if (pending === undefined) this.unremoved.set(group, (pending = new Set()));
      for (const ref of refs) pending.add(ref);
      throw error;
    }
  }

  async list(group: string): Promise<PresenceEntry[]> {
    if (this.closed) throw new ChannelLayerClosed("listPresence");
    const perProcess = await this.client.presenceList(this.groupKey(group));
    const entries: PresenceEntry[] = [];
    for (const values of perProcess) {
      for (const value of values) {
        const entry = parseEntry(value);
        if (entry !== undefined) entries.push(entry);
      }
    }
    return entries;
  }

  async count(group: string): Promise<number> {
    if (this.closed) throw new ChannelLayerClosed("countPresence");
    return this.client.presenceCount(this.groupKey(group));
  }

  onExpired(listener: (group: string, entries: readonly PresenceEntry[]) => void): void {
    this.listeners.push(listener);
  }

  onRestored(listener: (group: string, entries: readonly PresenceEntry[]) => void): void {
    this.restoredListeners.push(listener);
  }

  /** Removes this process's entries (best effort, nobody is told), then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.beating?.catch(() => undefined);
    if (this.client.status === "ready") {
      const pipeline = this.client.pipeline();
      for (const group of this.own.keys()) {
        pipeline.del(this.hashKey(group));
        pipeline.zrem(this.groupKey(group), this.processId);
      }
      pipeline.del(this.processGroupsKey(this.processId));
      pipeline.zrem(this.processesKey(), this.processId);
      await pipeline.exec().catch(() => undefined);
    }
    this.own.clear();
    this.client.disconnect();
  }

  /** One heartbeat now (tests call it rather than wait for the timer). */
  heartbeat(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // One at a time: a slow Redis must not pile heartbeats up.
    this.beating ??= this.beat()
      .catch((error: unknown) => this.warn(error))
      .finally(() => (this.beating = undefined));
    return this.beating;
  }

  private async beat(): Promise<void> {
    const args = this.processArgs();
    const pipeline = this.client.pipeline() as PresencePipeline;
    pipeline.presenceBeat(this.processesKey(), this.processGroupsKey(this.processId), ...args);
    const groups = [...this.own.keys()];
    for (const group of groups) {
      pipeline.presenceBeat(this.groupKey(group), this.hashKey(group), ...args);
      pipeline.hlen(this.hashKey(group));
    }
    const replies = (await pipeline.exec()) ?? [];
    throwFirstError(replies);
    // This process was taken for dead (blocked longer than timeoutMs) and reaped, maybe in part:
    // its list of groups is gone (the reaper deletes it last, so it can also wipe a restore's
    // SADD), or a group's hash holds fewer entries than this process (gone, or recreated by a
    // put() since, with only the new entry).
    const short: string[] = [];
    for (let i = 0; i < groups.length; i++) {
      if (replies[2 * i + 2]?.[1] !== this.own.get(groups[i]!)?.size) short.push(groups[i]!);
    }
    if (replies[0]?.[1] === 0 || short.length > 0) await this.restore(short);
    await this.retryRemovals();
    await this.reapDead();
  }

  /**
   * Puts back this process's entries that `groups` lack and lists all its groups again, then
   * reports what it put back (`onRestored`): the reaper sent their leave diff.
   */
  private async restore(groups: readonly string[]): Promise<void> {
    const missing: Array<[string, string[]]> = [];
    if (groups.length > 0) {
      const pipeline = this.client.pipeline();
      for (const group of groups) pipeline.hkeys(this.hashKey(group));
      const replies = (await pipeline.exec()) ?? [];
      throwFirstError(replies);
      groups.forEach((group, i) => {
        const present = new Set(replies[i]?.[1] as string[]);
        const own = this.own.get(group);
        const refs = own === undefined ? [] : [...own.keys()].filter((ref) => !present.has(ref));
        if (refs.length > 0) missing.push([group, refs]);
      });
    }
    // Built after the HKEYS reply, from `own` as it is now: a ref removed meanwhile is not put back,
    // and a removal sent after this goes after it on the connection.
    const args = this.processArgs();
    const pipeline = this.client.pipeline() as PresencePipeline;
    const restored: Array<[string, PresenceEntry[]]> = [];
    for (const [group, refs] of missing) {
      const own = this.own.get(group);
      const entries: PresenceEntry[] = [];
      for (const ref of refs) {
        const stored = own?.get(ref);
        if (stored === undefined) continue;
        pipeline.presencePut(this.groupKey(group), this.hashKey(group), ...args, ref, stored, "");
        const entry = parseEntry(stored);
        if (entry !== undefined) entries.push(entry);
      }
      if (entries.length > 0) restored.push([group, entries]);
    }
    const all = [...this.own.keys()];
    if (all.length > 0) {
      pipeline.sadd(this.processGroupsKey(this.processId), ...all);
      pipeline.pexpire(this.processGroupsKey(this.processId), this.gcMs);
    }
    throwFirstError(await pipeline.exec());
    for (const [group, entries] of restored) for (const listener of this.restoredListeners) listener(group, entries);
  }

  private async retryRemovals(): Promise<void> {
    for (const [group, refs] of [...this.unremoved]) {
      this.unremoved.delete(group);
      await this.remove(group, [...refs]);
    }
  }

  private async reapDead(): Promise<void> {
    const dead = await this.client.presenceClaimDead(this.processesKey(), CLAIM_LIMIT);
    for (const process of dead) {
      if (process === this.processId) continue;
      const groupsKey = this.processGroupsKey(process);
      for (const group of await this.client.smembers(groupsKey)) {
        const values = await this.client.presenceReap(this.groupKey(group), this.hashKeyOf(group, process), process);
        const entries = values.map(parseEntry).filter((entry): entry is PresenceEntry => entry !== undefined);
        if (entries.length > 0) for (const listener of this.listeners) listener(group, entries);
      }
      await this.client.del(groupsKey);
    }
  }

  private processArgs(): [string, number, number] {
    return [this.processId, this.timeoutMs, this.gcMs];
  }

  private groupKey(group: string): string {
    return `${this.prefix}:presence:{${group}}`;
  }

  private hashKey(group: string): string {
    return this.hashKeyOf(group, this.processId);
  }

  private hashKeyOf(group: string, process: string): string {
    return `${this.groupKey(group)}:${process}`;
  }

  private processesKey(): string {
    return `${this.prefix}:presence:processes`;
  }

  private processGroupsKey(process: string): string {
    return `${this.prefix}:presence:process:${process}`;
  }

  private warn(error: unknown): void {
    const now = performance.now();
    if (now - this.lastWarningAt < WARN_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.logger.warn(
      `RedisPresenceStore: heartbeat failed (presences of this process leave lists ${this.timeoutMs} ms after the last one): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parseEntry(value: string): PresenceEntry | undefined {
  try {
    const stored = JSON.parse(value) as StoredEntry;
    if (typeof stored.k !== "string" || typeof stored.r !== "string" || typeof stored.m !== "object") return undefined;
    return { key: stored.k, ref: stored.r, meta: stored.m };
  } catch {
    return undefined;
  }
}

function throwFirstError(replies: Array<[Error | null, unknown]> | null): void {
  for (const [error] of replies ?? []) if (error !== null) throw error;
}

function stripUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}

import { randomBytes } from "node:crypto";
import { ChannelLayerClosed, InvalidLayerOption } from "../layers/layer-errors";
import type { ChannelLayer } from "../layers/channel-layer";
import { validateGroupName } from "../layers/validate-names";
import type { Message } from "../types";
import { PresenceAlreadyTracked, PresenceNotTracked } from "./presence-errors";
import { PresenceDiffBatch } from "./presence-diff-batch";
import { presenceStateOf } from "./presence-state";
import type { PresenceStore } from "./presence-store";
import type { PresenceDiffMessage, PresenceEntry, PresenceMetaInput, PresenceState } from "./presence-types";

/** How a layer's presence behaves; given to `configurePresence`. */
export interface PresenceOptions {
  /** Where presences live. Default: the layer's own (`createPresenceStore()`), in memory for the in-memory layer. */
  store?: PresenceStore;
  /** Joins and leaves are gathered this long, then sent as one `presence.diff` per group. Default 50. */
  diffWindowMs?: number;
  /** Where failures of background work (a diff's group send) are reported. Default `console`. */
  logger?: { warn(message: string): void };
}

export const PRESENCE_DEFAULTS = { diffWindowMs: 50 } as const;

/** Keys are the application's ids: any non-empty string of reasonable length. */
const MAX_KEY_LENGTH = 1000;

/**
 * A layer's presences (Phoenix Presence over a channel layer): consumers track themselves in a
 * group under a key with metadata, anyone lists and counts, and every change reaches the group's
 * members as a batched `presence.diff`. The protocol lives here; a `PresenceStore` keeps the
 * entries. This process remembers what each of its channels tracks, so a consumer that ends
 * takes its presences with it at once (`untrackChannel`).
 */
export class Presence {
  readonly diffWindowMs: number;
  readonly store: PresenceStore;
  private readonly batch: PresenceDiffBatch;
  /** channel -> group -> key -> the entry this channel tracks there. */
  private readonly tracked = new Map<string, Map<string, Map<string, PresenceEntry>>>();
  private readonly logger: { warn(message: string): void };

  constructor(
    private readonly layer: ChannelLayer,
    store: PresenceStore,
    options: Omit<PresenceOptions, "store"> = {},
  ) {
    const diffWindowMs = options.diffWindowMs ?? PRESENCE_DEFAULTS.diffWindowMs;
    if (typeof diffWindowMs !== "number" || !Number.isFinite(diffWindowMs) || diffWindowMs < 0) {
      throw new InvalidLayerOption("diffWindowMs", diffWindowMs, "a number of milliseconds >= 0, e.g. 50");
    }
    this.diffWindowMs = diffWindowMs;
    this.store = store;
    this.logger = options.logger ?? console;
    this.batch = new PresenceDiffBatch(diffWindowMs, (message) => this.sendDiff(message));
    store.onExpired((group, entries) => {
      for (const entry of entries) this.batch.leave(group, entry);
    });
    // Members heard these leave when another process reaped them: they hear them join again.
    store.onRestored?.((group, entries) => {
      for (const entry of entries) this.batch.join(group, entry);
    });
  }

  /** `channel` (a consumer's) appears in `group` under `key`; resolves with the new ref. */
  async track(channel: string, group: string, key: string, meta: PresenceMetaInput = {}): Promise<string> {
    validateGroupName(group);
    checkKey(key);
    const entry: PresenceEntry = { key, ref: newRef(), meta: copyMeta(meta) };
    const byKey = this.keysOf(channel, group, true);
    if (byKey.has(key)) throw new PresenceAlreadyTracked(group, key);
    byKey.set(key, entry);
    try {
      await this.store.put(group, entry);
    } catch (error) {
      if (byKey.get(key) === entry) this.forget(channel, group, key);
      throw error;
    }
    this.batch.join(group, entry);
    return entry.ref;
  }

  /** Replaces the metadata `channel` tracks under `key` (a new ref: members see a leave and a join). */
  async update(channel: string, group: string, key: string, meta: PresenceMetaInput): Promise<string> {
    validateGroupName(group);
    const byKey = this.keysOf(channel, group, false);
    const previous = byKey?.get(key);
    if (byKey === undefined || previous === undefined) throw new PresenceNotTracked(group, key);
    const entry: PresenceEntry = { key, ref: newRef(), meta: copyMeta(meta) };
    byKey.set(key, entry);
    try {
      await this.store.put(group, entry, previous.ref);
    } catch (error) {
      // The store still holds the previous meta: so does this process.
      if (byKey.get(key) === entry) byKey.set(key, previous);
      throw error;
    }
    this.batch.leave(group, previous);
    this.batch.join(group, entry);
    return entry.ref;
  }

  /** `channel` no longer appears in `group` under `key`; a no-op when it did not. */
  async untrack(channel: string, group: string, key: string): Promise<void> {
    const entry = this.keysOf(channel, group, false)?.get(key);
    if (entry === undefined) return;
    this.forget(channel, group, key);
    try {
      await this.store.remove(group, [entry.ref]);
    } finally {
      // Members hear of the leave even when the store failed: the store retries, or its entry expires.
      this.batch.leave(group, entry);
    }
  }

  /** Every presence `channel` tracks, removed (its consumer ended). Cheap when it tracked nothing. */
  untrackChannel(channel: string): Promise<void> | undefined {
    const groups = this.tracked.get(channel);
    if (groups === undefined) return undefined;
    this.tracked.delete(channel);
    const removals: Array<Promise<void>> = [];
    for (const [group, byKey] of groups) {
      const entries = [...byKey.values()];
      removals.push(
        this.store
          .remove(
            group,
            entries.map((entry) => entry.ref),
          )
          .finally(() => {
            for (const entry of entries) this.batch.leave(group, entry);
          }),
      );
    }
    return Promise.all(removals).then(() => undefined);
  }

  /** The presences of `group` now, Phoenix Presence's `list`. */
  async list(group: string): Promise<PresenceState> {
    validateGroupName(group);
    return presenceStateOf(await this.store.list(group));
  }

  /** How many presences (metas: one per tracking consumer) `group` holds. */
  count(group: string): Promise<number> {
    try {
      validateGroupName(group);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.store.count(group);
  }

  /** Sends the diffs waiting for the end of their window now. */
  flushDiffs(): void {
    this.batch.flush();
  }

  /** Sends what is waiting and closes the store. */
  async close(): Promise<void> {
    this.batch.flush();
    this.tracked.clear();
    await this.store.close();
  }

  private keysOf(channel: string, group: string, create: true): Map<string, PresenceEntry>;
  private keysOf(channel: string, group: string, create: false): Map<string, PresenceEntry> | undefined;
  private keysOf(channel: string, group: string, create: boolean): Map<string, PresenceEntry> | undefined {
    let groups = this.tracked.get(channel);
    if (groups === undefined) {
      if (!create) return undefined;
      groups = new Map();
      this.tracked.set(channel, groups);
    }
    let byKey = groups.get(group);
    if (byKey === undefined && create) {
      byKey = new Map();
      groups.set(group, byKey);
    }
    return byKey;
  }

  private forget(channel: string, group: string, key: string): void {
    const groups = this.tracked.get(channel);
    const byKey = groups?.get(group);
    if (groups === undefined || byKey === undefined) return;
    byKey.delete(key);
    if (byKey.size === 0) groups.delete(group);
    if (groups.size === 0) this.tracked.delete(channel);
  }

  private sendDiff(message: PresenceDiffMessage): void {
    let sent: Promise<void>;
    try {
      sent = this.layer.groupSend(message.group, message as unknown as Message);
    } catch (error) {
      sent = Promise.reject(error as Error);
    }
    sent.catch((error: unknown) => {
      // Consumers that end while the layer shuts down leave: nobody is left to tell.
      if (error instanceof ChannelLayerClosed) return;
      this.logger.warn(
        `Presence: the diff for group ${JSON.stringify(message.group)} was not sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
}

function newRef(): string {
  return randomBytes(9).toString("base64url");
}

function checkKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new TypeError(
      `Presence key must be a non-empty string of at most ${MAX_KEY_LENGTH} characters (a user id, say), got ${JSON.stringify(key)}.`,
    );
  }
}

/**
 * A detached copy of JSON values: what a consumer changes afterwards is not what others see,
 * and what cannot cross a process (a function, a Date's identity, a cycle) fails here, on every layer.
 */
function copyMeta(meta: PresenceMetaInput): PresenceMetaInput {
  if (typeof meta !== "object" || meta === null || Array.isArray(meta)) {
    throw new TypeError(`Presence meta must be a plain object of JSON values, got ${JSON.stringify(meta)}.`);
  }
  if (Object.prototype.hasOwnProperty.call(meta, "ref")) {
    throw new TypeError('Presence meta must not have a "ref" key: the layer sets it (one ref per track and update).');
  }
  let text: string;
  try {
    text = JSON.stringify(meta);
  } catch (error) {
    throw new TypeError(
      `Presence meta must be JSON values: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
  return JSON.parse(text) as PresenceMetaInput;
}

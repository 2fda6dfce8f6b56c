/// <reference types="jest" />
import { randomBytes } from "node:crypto";
import type { PresenceStore } from "./presence-store";
import type { PresenceEntry } from "./presence-types";

/** Options of `runPresenceStoreContract`. */
export interface PresenceStoreContractOptions {
  name: string;
  /** A fresh store; the suite closes each one it makes. */
  newStore: () => PresenceStore | Promise<PresenceStore>;
}

/**
 * The `PresenceStore` contract as one Jest suite, run unchanged against every store (the
 * in-memory one, the Redis one, one of your own). Each test uses a fresh group name, so stores
 * sharing a server do not see each other's entries.
 */
export function runPresenceStoreContract(options: PresenceStoreContractOptions): void {
  describe(`${options.name}: the PresenceStore contract`, () => {
    let store: PresenceStore;
    let group: string;
    beforeEach(async () => {
      store = await options.newStore();
      group = `presence-contract.${randomBytes(6).toString("hex")}`;
    });
    afterEach(() => store.close());

    const entry = (key: string, ref: string, meta: Record<string, unknown> = {}): PresenceEntry => ({ key, ref, meta });
    const sorted = (entries: PresenceEntry[]): PresenceEntry[] => [...entries].sort((a, b) => (a.ref < b.ref ? -1 : 1));

    it("lists and counts nothing for a group nobody is in", async () => {
      expect(await store.list(group)).toEqual([]);
      expect(await store.count(group)).toBe(0);
    });

    it("lists what it was given, metas as they were, several refs under one key", async () => {
      await store.put(group, entry("ada", "r1", { tab: 1, nested: { a: [1, "x", null, true] } }));
      await store.put(group, entry("ada", "r2", { tab: 2 }));
      await store.put(group, entry("bob", "r3"));
      expect(sorted(await store.list(group))).toEqual([
        entry("ada", "r1", { tab: 1, nested: { a: [1, "x", null, true] } }),
        entry("ada", "r2", { tab: 2 }),
        entry("bob", "r3"),
      ]);
      expect(await store.count(group)).toBe(3);
    });

    it("replaces a ref in one put (an update)", async () => {
      await store.put(group, entry("ada", "r1", { v: 1 }));
      await store.put(group, entry("ada", "r2", { v: 2 }), "r1");
      expect(await store.list(group)).toEqual([entry("ada", "r2", { v: 2 })]);
      expect(await store.count(group)).toBe(1);
    });

    it("removes refs, ignoring those it does not hold, and keeps groups apart", async () => {
      const other = `${group}.other`;
      await store.put(group, entry("ada", "r1"));
      await store.put(group, entry("bob", "r2"));
      await store.put(other, entry("ada", "r3"));
      await store.remove(group, ["r1", "nope"]);
      expect(await store.list(group)).toEqual([entry("bob", "r2")]);
      await store.remove(group, ["r2"]);
      expect(await store.count(group)).toBe(0);
      expect(await store.list(other)).toEqual([entry("ada", "r3")]);
    });

    it("keeps keys that name Object.prototype members", async () => {
      await store.put(group, entry("__proto__", "r1", { a: 1 }));
      await store.put(group, entry("constructor", "r2"));
      expect(sorted(await store.list(group)).map((e) => e.key)).toEqual(["__proto__", "constructor"]);
    });
  });
}

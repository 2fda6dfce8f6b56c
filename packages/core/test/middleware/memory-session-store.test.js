"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
describe("MemorySessionStore", () => {
    it("saves, loads and deletes", async () => {
        const store = new middleware_1.MemorySessionStore();
        await store.save("k", { a: 1 }, 60);
        expect(await store.load("k")).toEqual({ a: 1 });
        await store.delete("k");
        expect(await store.load("k")).toBeNull();
        await expect(store.delete("missing")).resolves.toBeUndefined();
    });
    it("stores and returns copies", async () => {
        const store = new middleware_1.MemorySessionStore();
        const data = { list: [1] };
        await store.save("k", data, 60);
        data.list.push(2);
        const loaded = await store.load("k");
        (loaded?.["list"]).push(3);
        expect(await store.load("k")).toEqual({ list: [1] });
    });
    it("expires entries after maxAgeSeconds", async () => {
        let now = 1_000_000;
        const store = new middleware_1.MemorySessionStore({ now: () => now });
        await store.save("k", { a: 1 }, 10);
        now += 9_999;
        expect(await store.load("k")).toEqual({ a: 1 });
        now += 1;
        expect(await store.load("k")).toBeNull();
        expect(store.size).toBe(0);
    });
    it("sweeps expired entries that are never loaded again", async () => {
        let now = 0;
        const store = new middleware_1.MemorySessionStore({ now: () => now });
        await store.save("stale", {}, 1);
        now = 5_000;
        for (let i = 0; i < 1024; i++)
            await store.save(`fresh${i % 3}`, {}, 60);
        expect(store.size).toBe(3);
    });
});
//# sourceMappingURL=memory-session-store.test.js.map
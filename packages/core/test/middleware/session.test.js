"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
function countingStore(initial = {}) {
    const inner = new middleware_1.MemorySessionStore();
    const calls = { load: 0 };
    const store = {
        load: (key) => {
            calls.load++;
            return inner.load(key);
        },
        save: (key, data, age) => inner.save(key, data, age),
        delete: (key) => inner.delete(key),
    };
    const ready = Promise.all(Object.entries(initial).map(([k, d]) => inner.save(k, d, 60)));
    return { store, calls, ready, inner };
}
describe("Session", () => {
    it("loads lazily, once, even for concurrent first accesses", async () => {
        const { store, calls, ready } = countingStore({ k: { name: "ada" } });
        await ready;
        const session = new middleware_1.Session(store, "k", 60);
        expect(calls.load).toBe(0);
        expect(session.isLoaded).toBe(false);
        const [a, b] = await Promise.all([session.get("name"), session.has("name")]);
        expect([a, b, calls.load]).toEqual(["ada", true, 1]);
        await session.keys();
        expect(calls.load).toBe(1);
    });
    it("tracks modification through set, delete and clear", async () => {
        const { store } = countingStore();
        const session = new middleware_1.Session(store, null, 60);
        expect(await session.delete("nothing")).toBe(false);
        expect(session.modified).toBe(false);
        await session.set("a", [1, { b: true }]);
        expect(session.modified).toBe(true);
        expect(await session.get("a")).toEqual([1, { b: true }]);
        expect(await session.keys()).toEqual(["a"]);
        await session.clear();
        expect(await session.isEmpty()).toBe(true);
    });
    it("chooses a key on first save and writes the data", async () => {
        const { store, inner } = countingStore();
        const session = new middleware_1.Session(store, null, 60);
        await session.set("x", 1);
        expect(session.key).toBeNull();
        await session.save();
        expect(session.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(await inner.load(session.key)).toEqual({ x: 1 });
    });
    it("drops a key the store does not know, so it is never reused", async () => {
        const { store } = countingStore();
        const session = new middleware_1.Session(store, "gone", 60);
        expect(await session.isEmpty()).toBe(true);
        expect(session.key).toBeNull();
    });
    it("flush deletes the stored session and forgets the key", async () => {
        const { store, inner, ready } = countingStore({ k: { a: 1 } });
        await ready;
        const session = new middleware_1.Session(store, "k", 60);
        await session.flush();
        expect([session.key, await session.isEmpty(), session.modified]).toEqual([null, true, true]);
        expect(await inner.load("k")).toBeNull();
    });
    it("cycleKey keeps the data under a new key and deletes the old one", async () => {
        const { store, inner, ready } = countingStore({ k: { a: 1 } });
        await ready;
        const session = new middleware_1.Session(store, "k", 60);
        await session.cycleKey();
        expect(session.key).not.toBe("k");
        expect(await session.get("a")).toBe(1);
        expect(await inner.load("k")).toBeNull();
        await session.save();
        expect(await inner.load(session.key)).toEqual({ a: 1 });
    });
});
//# sourceMappingURL=session.test.js.map
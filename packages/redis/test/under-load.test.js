"use strict";
var __addDisposableResource = (this && this.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (this && this.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});
Object.defineProperty(exports, "__esModule", { value: true });
const node_crypto_1 = require("node:crypto");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const END = "test.end";
/**
 * Receives on `channel` until a message of type END: the end marker is sent after every other
 * message has been accepted, with a later score, so it comes out of the queue last and a lost
 * message shows as a missing entry, not as a timeout.
 */
async function receiveUntilEnd(layer, channel) {
    const got = [];
    for (;;) {
        const message = await layer.receive(channel);
        if (message.type === END)
            return got;
        got.push(message);
    }
}
function recordDrops(...layers) {
    const drops = [];
    for (const layer of layers)
        layer.on("dropped", (event) => drops.push(event));
    return drops;
}
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer under load, at the default capacity", () => {
    const redis = (0, test_fixtures_1.useRedisServer)();
    const quiet = { warn: () => undefined };
    it.each([
        ["in one script call, awaiting each reply", { pipelineGroupSends: false }],
        ["on the per-host path (encrypted)", { symmetricEncryptionKeys: ["burst key"] }],
        ["with pipelined group sends (the default)", {}],
    ])("delivers a burst of 600 group sends over two processes, %s: each member exactly its group's 15", async (_, extra) => {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            // Two layers on one Redis, with their own client prefixes: two chat processes.
            const a = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: quiet, ...extra })), true);
            const b = __addDisposableResource(env_1, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: quiet, ...extra })), true);
            const drops = recordDrops(a, b);
            const run = (0, node_crypto_1.randomUUID)().slice(0, 8);
            const members = [];
            for (let g = 0; g < 40; g++) {
                for (let m = 0; m < 3; m++) {
                    const layer = (g * 3 + m) % 2 === 0 ? a : b; // every group spread over both processes
                    const channel = await layer.newChannel();
                    const group = `burst.${run}.${g}`;
                    await layer.groupAdd(group, channel);
                    members.push({ layer, group, channel, index: m });
                }
            }
            const received = members.map((member) => receiveUntilEnd(member.layer, member.channel));
            // Every member sends 5 messages to its group at once, from its own process.
            await Promise.all(members.flatMap((member) => [0, 1, 2, 3, 4].map((n) => member.layer.groupSend(member.group, { type: "chat", from: `${member.group}/${member.index}`, n }))));
            await Promise.all([...new Set(members.map((m) => m.group))].map((group) => a.groupSend(group, { type: END })));
            const results = await Promise.all(received);
            expect(drops).toEqual([]);
            members.forEach((member, i) => {
                const expected = [0, 1, 2].flatMap((index) => [0, 1, 2, 3, 4].map((n) => ({ type: "chat", from: `${member.group}/${index}`, n })));
                expect(sortMessages(results[i])).toEqual(sortMessages(expected));
            });
        }
        catch (e_1) {
            env_1.error = e_1;
            env_1.hasError = true;
        }
        finally {
            const result_1 = __disposeResources(env_1);
            if (result_1)
                await result_1;
        }
    });
    it("delivers a backlog of 1,000 sends to one process's channels completely, in order, while its consumers read", async () => {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const sender = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: quiet })), true);
            const receiver = __addDisposableResource(env_2, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: quiet })), true);
            const drops = recordDrops(sender, receiver);
            const channels = await Promise.all(Array.from({ length: 10 }, () => receiver.newChannel()));
            const received = channels.map((channel) => receiveUntilEnd(receiver, channel));
            // 100 per channel, all written at once: the process queue gets 1,000 messages in one burst.
            await Promise.all(Array.from({ length: 1000 }, (_, i) => sender.send(channels[i % 10], { type: "item", i })));
            await Promise.all(channels.map((channel) => sender.send(channel, { type: END })));
            const results = await Promise.all(received);
            results.forEach((messages, c) => {
                expect(messages.map((message) => message.i)).toEqual(Array.from({ length: 100 }, (_, k) => k * 10 + c));
            });
            expect(drops).toEqual([]);
            expect(Object.values(receiver.droppedCounts).every((count) => count === 0)).toBe(true);
        }
        catch (e_2) {
            env_2.error = e_2;
            env_2.hasError = true;
        }
        finally {
            const result_2 = __disposeResources(env_2);
            if (result_2)
                await result_2;
        }
    });
    it("with pipelined group sends (the default), keeps a process's group sends and sends in the order they were made", async () => {
        const env_3 = { stack: [], error: void 0, hasError: false };
        try {
            const layer = __addDisposableResource(env_3, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: quiet })), true);
            const drops = recordDrops(layer);
            const channel = await layer.newChannel();
            const group = `ordered.${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
            await layer.groupAdd(group, channel);
            const received = receiveUntilEnd(layer, channel);
            for (let i = 0; i < 50; i++) {
                await layer.groupSend(group, { type: "m", i: 2 * i });
                await layer.send(channel, { type: "m", i: 2 * i + 1 });
            }
            await layer.send(channel, { type: END });
            expect((await received).map((message) => message.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
            expect(drops).toEqual([]);
        }
        catch (e_3) {
            env_3.error = e_3;
            env_3.hasError = true;
        }
        finally {
            const result_3 = __disposeResources(env_3);
            if (result_3)
                await result_3;
        }
    });
    describe("a member that truly falls behind", () => {
        it.each([
            ["awaiting each reply", false],
            ["pipelined (the default)", true],
        ])("is skipped by a group send while its messages wait in Redis (%s): counted and emitted as channel full", async (_, pipelineGroupSends) => {
            const env_4 = { stack: [], error: void 0, hasError: false };
            try {
                const warnings = [];
                const layer = __addDisposableResource(env_4, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({
                    hosts: [redis.url],
                    capacity: 2,
                    pipelineGroupSends,
                    logger: { warn: (line) => warnings.push(line) },
                })), true);
                const drops = recordDrops(layer);
                const channel = await layer.newChannel(); // nobody receives: its messages stay in Redis
                const group = `behind.${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
                await layer.groupAdd(group, channel);
                // A pipelined group send reports its full member when Redis replies, after it resolved.
                const twoDrops = new Promise((resolve) => {
                    let seen = 0;
                    layer.on("dropped", () => {
                        if (++seen === 2)
                            resolve();
                    });
                });
                for (let i = 0; i < 4; i++)
                    await layer.groupSend(group, { type: "m", i });
                await twoDrops;
                expect(drops).toEqual([
                    { reason: "channel full", group, count: 1 },
                    { reason: "channel full", group, count: 1 },
                ]);
                expect(layer.droppedCounts["channel full"]).toBe(2);
                // One line: the second drop fell within the warning interval and waits for the next line.
                expect(warnings).toHaveLength(1);
                expect(warnings[0]).toContain("channel full");
                expect(warnings[0]).toContain(group);
                expect(await layer.receive(channel)).toEqual({ type: "m", i: 0 });
                expect(await layer.receive(channel)).toEqual({ type: "m", i: 1 });
            }
            catch (e_4) {
                env_4.error = e_4;
                env_4.hasError = true;
            }
            finally {
                const result_4 = __disposeResources(env_4);
                if (result_4)
                    await result_4;
            }
        });
        it("overflows its local mailbox while the process reads others: the oldest is dropped, counted, emitted", async () => {
            const env_5 = { stack: [], error: void 0, hasError: false };
            try {
                const sender = __addDisposableResource(env_5, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], logger: quiet })), true);
                const receiver = __addDisposableResource(env_5, (0, test_fixtures_1.closing)(new redis_1.RedisChannelLayer({ hosts: [redis.url], capacity: 2, logger: quiet })), true);
                const drops = recordDrops(sender, receiver);
                const [reading, stuck] = [await receiver.newChannel(), await receiver.newChannel()];
                const readingOne = receiver.receive(reading); // keeps the process queue popped
                for (let i = 0; i < 3; i++)
                    await sender.send(stuck, { type: "m", i });
                await sender.send(reading, { type: "go" });
                // The queue is popped in score order: the stuck channel's three came off Redis first.
                await expect(readingOne).resolves.toEqual({ type: "go" });
                expect(drops).toEqual([{ reason: "channel full", channel: stuck, count: 1 }]);
                expect(receiver.droppedCounts["channel full"]).toBe(1);
                // A send from the process itself sees the full mailbox.
                await expect(receiver.send(stuck, { type: "more" })).rejects.toMatchObject({ name: "ChannelFull" });
                expect(await receiver.receive(stuck)).toEqual({ type: "m", i: 1 });
                expect(await receiver.receive(stuck)).toEqual({ type: "m", i: 2 });
            }
            catch (e_5) {
                env_5.error = e_5;
                env_5.hasError = true;
            }
            finally {
                const result_5 = __disposeResources(env_5);
                if (result_5)
                    await result_5;
            }
        });
    });
});
function sortMessages(messages) {
    return messages.map((message) => JSON.stringify(message)).sort();
}
//# sourceMappingURL=under-load.test.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runChannelLayerContract = runChannelLayerContract;
/// <reference types="jest" />
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../errors");
const validate_names_1 = require("./validate-names");
/** Longest a contract test waits for a message that should arrive. */
const DELIVERY_TIMEOUT_MS = 2000;
function runChannelLayerContract(options) {
    const queue = (options.transport ?? "queue") === "queue";
    // Storage, capacity and expiry are not part of a pub/sub transport's contract (it keeps nothing):
    // for such a layer these tests are not defined at all, rather than reported as skipped, so that
    // "skipped" in a test run keeps meaning "a tool was missing".
    const queueOnly = (name, fn) => {
        if (queue)
            it(name, fn);
    };
    const run = (0, node_crypto_1.randomBytes)(4).toString("hex");
    let counter = 0;
    const open = [];
    async function newLayer(layerOptions) {
        const layer = await options.newLayer(layerOptions);
        open.push(layer);
        return layer;
    }
    /** A group or normal channel name no other test (or run) uses. */
    function unique(kind) {
        return `contract.${kind}.${run}.${++counter}`;
    }
    function message(type, extra = {}) {
        return { type, ...extra };
    }
    describe(`${options.name} satisfies the channel layer contract`, () => {
        afterEach(async () => {
            const layers = open.splice(0);
            await Promise.all(layers.map((layer) => layer.close()));
        });
        describe("channels", () => {
            it("declares the groups and flush extensions", async () => {
                const layer = await newLayer();
                expect(layer.extensions).toEqual(expect.arrayContaining(["groups", "flush"]));
            });
            it("round-trips a message through a channel from newChannel()", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                await layer.send(channel, message("test.message", { text: "Ahoy-hoy!" }));
                await expect(receiveWithin(layer, channel)).resolves.toEqual({ type: "test.message", text: "Ahoy-hoy!" });
            });
            it("gives unique, valid specific channel names that start with the prefix", async () => {
                const layer = await newLayer();
                const first = await layer.newChannel("chat");
                const second = await layer.newChannel("chat");
                expect(first).not.toBe(second);
                for (const name of [first, second, await layer.newChannel()]) {
                    expect(() => (0, validate_names_1.validateChannelName)(name)).not.toThrow();
                    expect(name.split("!")).toHaveLength(2);
                }
                expect(first.startsWith("chat.")).toBe(true);
            });
            it("receives the messages of one sender in the order they were sent", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                for (let i = 1; i <= 5; i++)
                    await layer.send(channel, message(`message.${i}`));
                const types = [];
                for (let i = 1; i <= 5; i++)
                    types.push((await receiveWithin(layer, channel)).type);
                expect(types).toEqual(["message.1", "message.2", "message.3", "message.4", "message.5"]);
            });
            it("resolves a receive that was waiting when the message was sent", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                const received = receiveWithin(layer, channel);
                await layer.send(channel, message("late.message"));
                await expect(received).resolves.toEqual({ type: "late.message" });
            });
            it("delivers each message to at most one of two concurrent receives", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                const receives = [receiveWithin(layer, channel), receiveWithin(layer, channel)];
                await layer.send(channel, message("message.a"));
                await layer.send(channel, message("message.b"));
                const types = (await Promise.all(receives)).map((received) => received.type).sort();
                expect(types).toEqual(["message.a", "message.b"]);
            });
            queueOnly("stores messages for a normal (non-specific) channel until they are received", async () => {
                const layer = await newLayer();
                const channel = unique("normal");
                await layer.send(channel, message("stored.message", { n: 1 }));
                await expect(receiveWithin(layer, channel)).resolves.toEqual({ type: "stored.message", n: 1 });
            });
            it("carries every kind of value a message may hold, Uint8Array included", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                const bytes = new Uint8Array([0, 1, 127, 128, 255]);
                await layer.send(channel, {
                    type: "test.values",
                    text: "héllo ✓",
                    int: -42,
                    float: 1.5,
                    yes: true,
                    nothing: null,
                    list: [1, "two", [3], { four: 4 }],
                    nested: { deep: { bytes } },
                    bytes,
                });
                const received = await receiveWithin(layer, channel);
                expect(received).toMatchObject({
                    type: "test.values",
                    text: "héllo ✓",
                    int: -42,
                    float: 1.5,
                    yes: true,
                    nothing: null,
                    list: [1, "two", [3], { four: 4 }],
                });
                expect(received.bytes).toBeInstanceOf(Uint8Array);
                expect(Array.from(received.bytes)).toEqual([0, 1, 127, 128, 255]);
                const nested = received.nested;
                expect(nested.deep.bytes).toBeInstanceOf(Uint8Array);
                expect(Array.from(nested.deep.bytes)).toEqual([0, 1, 127, 128, 255]);
            });
        });
        describe("groups", () => {
            it("sends to every member once, and not to a member that was discarded", async () => {
                const layer = await newLayer();
                const group = unique("group");
                const [a, b, c] = await newChannels(layer, 3);
                for (const channel of [a, b, c])
                    await layer.groupAdd(group, channel);
                await layer.groupAdd(group, a); // adding twice refreshes, it does not duplicate
                await layer.groupDiscard(group, b);
                await layer.groupSend(group, message("group.message"));
                await expect(receiveWithin(layer, a)).resolves.toEqual({ type: "group.message" });
                await expect(receiveWithin(layer, c)).resolves.toEqual({ type: "group.message" });
                await expectNextMessage(layer, [a, b, c], "marker");
            });
            it("keeps memberships per group", async () => {
                const layer = await newLayer();
                const red = unique("red");
                const blue = unique("blue");
                const [a, b] = await newChannels(layer, 2);
                await layer.groupAdd(red, a);
                await layer.groupAdd(blue, b);
                await layer.groupSend(red, message("red.message"));
                await layer.groupSend(blue, message("blue.message"));
                await expect(receiveWithin(layer, a)).resolves.toEqual({ type: "red.message" });
                await expect(receiveWithin(layer, b)).resolves.toEqual({ type: "blue.message" });
                await expectNextMessage(layer, [a, b], "marker");
            });
            it("sends to many members", async () => {
                const layer = await newLayer();
                const group = unique("crowd");
                const channels = await newChannels(layer, 20);
                for (const channel of channels)
                    await layer.groupAdd(group, channel);
                await layer.groupSend(group, message("crowd.message", { n: 7 }));
                const received = await Promise.all(channels.map((channel) => receiveWithin(layer, channel)));
                expect(received).toEqual(channels.map(() => ({ type: "crowd.message", n: 7 })));
            });
            it("treats groupSend to an empty or unknown group as a no-op", async () => {
                const layer = await newLayer();
                const emptied = unique("emptied");
                const [a] = await newChannels(layer, 1);
                await layer.groupAdd(emptied, a);
                await layer.groupDiscard(emptied, a);
                await expect(layer.groupSend(unique("unknown"), message("nobody.listens"))).resolves.toBeUndefined();
                await expect(layer.groupSend(emptied, message("nobody.listens"))).resolves.toBeUndefined();
                await expect(layer.groupDiscard(unique("unknown"), a)).resolves.toBeUndefined();
                await expectNextMessage(layer, [a], "marker");
            });
            it("discardChannel() removes the channel from every group at once", async () => {
                const layer = await newLayer();
                const first = unique("first");
                const second = unique("second");
                const [gone, stays] = await newChannels(layer, 2);
                for (const group of [first, second]) {
                    await layer.groupAdd(group, gone);
                    await layer.groupAdd(group, stays);
                }
                await layer.discardChannel(gone);
                await layer.groupSend(first, message("first.message"));
                await layer.groupSend(second, message("second.message"));
                await expect(receiveWithin(layer, stays)).resolves.toEqual({ type: "first.message" });
                await expect(receiveWithin(layer, stays)).resolves.toEqual({ type: "second.message" });
                if (queue)
                    await expectNextMessage(layer, [gone], "marker");
            });
        });
        describe("receive cancellation", () => {
            it("rejects with the signal's reason on abort, and loses no message to the aborted receive", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                const controller = new AbortController();
                const reason = new Error("consumer stopped");
                const pending = layer.receive(channel, { signal: controller.signal });
                controller.abort(reason);
                await expect(pending).rejects.toBe(reason);
                await layer.send(channel, message("after.abort"));
                await expect(receiveWithin(layer, channel)).resolves.toEqual({ type: "after.abort" });
            });
            it("rejects at once with an AbortError when the signal is already aborted", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                await expect(layer.receive(channel, { signal: AbortSignal.abort() })).rejects.toMatchObject({
                    name: "AbortError",
                });
            });
            it("rejects a pending receive with an AbortError when its channel is discarded", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                const pending = layer.receive(channel);
                await layer.discardChannel(channel);
                await expect(settleWithin(pending, "discardChannel() to end a pending receive")).rejects.toMatchObject({
                    name: "AbortError",
                });
            });
            it("rejects pending receives with an AbortError on close(), and closing twice is fine", async () => {
                const layer = await newLayer();
                const [a, b] = await newChannels(layer, 2);
                const pending = [layer.receive(a), layer.receive(b)];
                await layer.close();
                const outcomes = await Promise.allSettled(pending.map((p) => settleWithin(p, "close() to end a pending receive")));
                for (const outcome of outcomes)
                    expect(outcome).toMatchObject({ status: "rejected", reason: { name: "AbortError" } });
                await expect(layer.close()).resolves.toBeUndefined();
            });
        });
        // Defined only for a layer that declares the fast path (as queueOnly: not "skipped" otherwise).
        const fastPathSuite = options.fastPaths?.includes("receiveInto") === true ? describe : () => undefined;
        fastPathSuite("receiveInto (a fast path this layer declares)", () => {
            /** A LayerReceiver whose first call settles a promise, as a consumer's does. */
            function intoPromise(layer, channel) {
                return settleWithin(new Promise((resolve, reject) => {
                    layer.receiveInto(channel, { onLayerMessage: resolve, onLayerError: reject });
                }), "receiveInto() to hand a message over");
            }
            it("hands over queued and later messages, one per call, in the order they were sent", async () => {
                const layer = await newLayer();
                expect(typeof layer.receiveInto).toBe("function");
                const channel = await layer.newChannel();
                const group = unique("group");
                await layer.groupAdd(group, channel);
                await layer.send(channel, message("first"));
                await expect(intoPromise(layer, channel)).resolves.toEqual({ type: "first" });
                const waiting = intoPromise(layer, channel);
                await layer.groupSend(group, message("second"));
                await layer.send(channel, message("third"));
                await expect(waiting).resolves.toEqual({ type: "second" });
                await expect(receiveWithin(layer, channel)).resolves.toEqual({ type: "third" });
            });
            it("reports a discarded channel through onLayerError with an AbortError", async () => {
                const layer = await newLayer();
                const channel = await layer.newChannel();
                const waiting = intoPromise(layer, channel);
                await layer.discardChannel(channel);
                await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
            });
        });
        describe("validation", () => {
            const badChannels = [
                "",
                "has space",
                "!starts-with-bang",
                "two!bangs!",
                "café",
                "a".repeat(100),
                42,
                null,
            ];
            const badGroups = ["", "has space", "specific!", "café", "g".repeat(100), undefined];
            it("rejects invalid channel names with a TypeError from every operation", async () => {
                const layer = await newLayer();
                const group = unique("valid");
                for (const name of badChannels) {
                    await expect(layer.send(name, message("x"))).rejects.toThrow(TypeError);
                    await expect(layer.receive(name)).rejects.toThrow(TypeError);
                    await expect(layer.groupAdd(group, name)).rejects.toThrow(TypeError);
                    await expect(layer.groupDiscard(group, name)).rejects.toThrow(TypeError);
                }
            });
            it("rejects invalid group names with a TypeError from every group operation", async () => {
                const layer = await newLayer();
                const [channel] = await newChannels(layer, 1);
                for (const name of badGroups) {
                    await expect(layer.groupAdd(name, channel)).rejects.toThrow(TypeError);
                    await expect(layer.groupDiscard(name, channel)).rejects.toThrow(TypeError);
                    await expect(layer.groupSend(name, message("x"))).rejects.toThrow(TypeError);
                }
            });
            it("rejects messages that are not plain data with a TypeError naming the key", async () => {
                const layer = await newLayer();
                const group = unique("valid");
                const [channel] = await newChannels(layer, 1);
                await layer.groupAdd(group, channel);
                const bad = [
                    [{ text: "no type" }, "type"],
                    [{ type: 7 }, "type"],
                    [["not", "an", "object"], "plain object"],
                    [{ type: "x", when: new Date(0) }, "message.when"],
                    [{ type: "x", payload: { items: [1, 2, undefined] } }, "message.payload.items[2]"],
                    [{ type: "x", big: 10n }, "message.big"],
                    [{ type: "x", fn: () => 1 }, "message.fn"],
                    [{ type: "x", map: new Map() }, "message.map"],
                ];
                for (const [value, mentioned] of bad) {
                    await expect(layer.send(channel, value)).rejects.toThrow(TypeError);
                    await expect(layer.send(channel, value)).rejects.toThrow(mentioned);
                    await expect(layer.groupSend(group, value)).rejects.toThrow(mentioned);
                }
                await expectNextMessage(layer, [channel], "marker");
            });
        });
        describe("capacity and expiry (stored messages)", () => {
            // A pub/sub transport stores nothing, so it has neither capacity nor expiry.
            queueOnly("throws ChannelFull from send() when the channel holds capacity messages", async () => {
                const layer = await newLayer({ capacity: 2 });
                const channel = await layer.newChannel();
                await layer.send(channel, message("message.1"));
                await layer.send(channel, message("message.2"));
                await expect(layer.send(channel, message("message.3"))).rejects.toBeInstanceOf(errors_1.ChannelFull);
                await expect(receiveWithin(layer, channel)).resolves.toEqual({ type: "message.1" });
                await expect(layer.send(channel, message("message.3"))).resolves.toBeUndefined();
            });
            queueOnly("skips full members in groupSend without throwing", async () => {
                const layer = await newLayer({ capacity: 1 });
                const group = unique("mixed");
                const [full, free] = await newChannels(layer, 2);
                await layer.groupAdd(group, full);
                await layer.groupAdd(group, free);
                await layer.send(full, message("filler"));
                await expect(layer.groupSend(group, message("group.message"))).resolves.toBeUndefined();
                await expect(receiveWithin(layer, free)).resolves.toEqual({ type: "group.message" });
                await expect(receiveWithin(layer, full)).resolves.toEqual({ type: "filler" });
                await expectNextMessage(layer, [full], "marker");
            });
            queueOnly("drops messages not received within expiry seconds", async () => {
                const layer = await newLayer({ expiry: 0.2 });
                const channel = await layer.newChannel();
                await layer.send(channel, message("stale"));
                await pause(450);
                await layer.send(channel, message("fresh"));
                await expect(receiveWithin(layer, channel)).resolves.toEqual({ type: "fresh" });
            });
            queueOnly("ends a group membership groupExpiry seconds after its last groupAdd", async () => {
                const layer = await newLayer({ groupExpiry: 0.2 });
                const group = unique("fleeting");
                const [channel] = await newChannels(layer, 1);
                await layer.groupAdd(group, channel);
                await pause(450);
                await layer.groupSend(group, message("too.late"));
                await expectNextMessage(layer, [channel], "marker");
            });
        });
        describe("flush", () => {
            it("removes stored messages and group memberships, and the layer stays usable", async () => {
                const layer = await newLayer();
                const group = unique("flushed");
                const [a, b] = await newChannels(layer, 2);
                await layer.groupAdd(group, b);
                if (queue)
                    await layer.send(a, message("flushed.message"));
                await layer.flush();
                await layer.groupSend(group, message("after.flush"));
                // A pub/sub layer forgets its subscriptions too, so it is checked on new channels.
                const checked = queue ? [a, b] : await newChannels(layer, 1);
                await expectNextMessage(layer, checked, "marker");
            });
        });
    });
    async function newChannels(layer, count) {
        const channels = [];
        for (let i = 0; i < count; i++)
            channels.push(await layer.newChannel("contract"));
        return channels;
    }
    /**
     * Sends a marker to each channel and expects it to be the next message there: proves that
     * nothing else (a message that should have been skipped, expired or flushed) is queued first.
     */
    async function expectNextMessage(layer, channels, type) {
        for (const channel of channels) {
            await layer.send(channel, message(type, { channel }));
            await expect(receiveWithin(layer, channel)).resolves.toEqual({ type, channel });
        }
    }
}
/** receive() that gives up after DELIVERY_TIMEOUT_MS, so a lost message fails fast. */
async function receiveWithin(layer, channel) {
    const controller = new AbortController();
    const timer = setTimeout(() => {
        controller.abort(new Error(`no message on ${channel} within ${DELIVERY_TIMEOUT_MS} ms`));
    }, DELIVERY_TIMEOUT_MS);
    try {
        return await layer.receive(channel, { signal: controller.signal });
    }
    finally {
        clearTimeout(timer);
    }
}
/** `promise`, or a rejection naming `what` if it is still pending after DELIVERY_TIMEOUT_MS. */
async function settleWithin(promise, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`waited ${DELIVERY_TIMEOUT_MS} ms for ${what}`)), DELIVERY_TIMEOUT_MS);
    });
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Expiry is about time passing; this is the one place the contract waits for it. */
function pause(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
//# sourceMappingURL=layer-contract.js.map
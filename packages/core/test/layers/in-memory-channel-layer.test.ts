import { ChannelFull } from "../../src/errors";
import { ChannelLayerClosed, ChannelReceiveAborted, InMemoryChannelLayer } from "../../src/layers";
import type { Message } from "../../src/types";

describe("InMemoryChannelLayer specifics", () => {
  let layer: InMemoryChannelLayer;
  beforeEach(() => {
    layer = new InMemoryChannelLayer();
  });
  afterEach(async () => {
    await layer.close();
  });

  it("names new channels <prefix>.inmemory!<12 random characters>", async () => {
    expect(await layer.newChannel()).toMatch(/^specific\.inmemory![\w-]{12}$/);
    expect(await layer.newChannel("chat.room")).toMatch(/^chat\.room\.inmemory![\w-]{12}$/);
    await expect(layer.newChannel("bad!prefix")).rejects.toThrow(TypeError);
  });

  it("delivers one frozen copy, shared by every group member (no copy per member)", async () => {
    const [a, b] = [await layer.newChannel(), await layer.newChannel()];
    await layer.groupAdd("room", a);
    await layer.groupAdd("room", b);
    const pendingA = layer.receive(a); // one waiting, one queued: both hand-off paths
    const sent: Message = { type: "chat.message", text: "hi", nested: { list: [1, { x: 2 }] } };
    await layer.groupSend("room", sent);
    const gotA = await pendingA;
    const gotB = await layer.receive(b);
    expect(gotA).toBe(gotB);
    expect(gotA).not.toBe(sent);
    expect(gotA).toEqual(sent);
    expect(
      Object.isFrozen(gotA) &&
        Object.isFrozen(gotA.nested) &&
        Object.isFrozen((gotA.nested as { list: unknown[] }).list),
    ).toBe(true);
    expect(() => {
      (gotA as unknown as { text: string }).text = "edited by a";
    }).toThrow(TypeError);
  });

  it("is not affected by the sender changing or reusing its object after send", async () => {
    const channel = await layer.newChannel();
    const reused: Message = { type: "count", n: 1, bytes: new Uint8Array([1]) };
    await layer.send(channel, reused);
    reused.n = 2;
    (reused.bytes as Uint8Array)[0] = 9;
    await layer.send(channel, reused);
    const first = await layer.receive(channel);
    expect(first.n).toBe(1);
    expect([...(first.bytes as Uint8Array)]).toEqual([1]);
    expect((await layer.receive(channel)).n).toBe(2);
  });

  it("keeps an own __proto__ key as data", async () => {
    const channel = await layer.newChannel();
    await layer.send(channel, JSON.parse('{"type":"x","__proto__":{"polluted":true}}') as Message);
    const got = await layer.receive(channel);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(["type", "__proto__"]);
  });

  it("rejects a bad message before delivering it to anyone, and keeps serving the others", async () => {
    const [a, b] = [await layer.newChannel(), await layer.newChannel()];
    await layer.groupAdd("room", a);
    await layer.groupAdd("room", b);
    const pendingA = layer.receive(a);
    await expect(layer.groupSend("room", { type: "x", when: new Date() })).rejects.toThrow("message.when is a Date");
    await layer.groupSend("room", { type: "good" });
    await expect(pendingA).resolves.toEqual({ type: "good" });
    await expect(layer.receive(b)).resolves.toEqual({ type: "good" });
    expect(layer.stats().queuedMessages).toBe(0);
  });

  it("leaves no trace of a discarded channel: queue, receivers and memberships go at once", async () => {
    const gone = await layer.newChannel();
    const stays = await layer.newChannel();
    for (const group of ["g1", "g2", "g3"]) {
      await layer.groupAdd(group, gone);
    }
    await layer.groupAdd("g1", stays);
    await layer.send(gone, { type: "queued" });
    expect(layer.stats()).toEqual({ channels: 2, groups: 3, up: true, queuedMessages: 1 });
    await layer.discardChannel(gone);
    expect(layer.stats()).toEqual({ channels: 1, groups: 1, up: true, queuedMessages: 0 });
    await layer.discardChannel(gone); // a second discard is a no-op
    await layer.discardChannel(stays);
    expect(layer.stats()).toEqual({ channels: 0, groups: 0, up: true, queuedMessages: 0 });
  });

  it("rejects receives on a discarded channel with ChannelReceiveAborted (CHANNEL_DISCARDED)", async () => {
    const channel = await layer.newChannel();
    const pending = layer.receive(channel);
    await layer.discardChannel(channel);
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelReceiveAborted);
    expect(error).toMatchObject({ name: "AbortError", code: "CHANNEL_DISCARDED", channel });
  });

  it("forgets a channel once it is drained and nobody waits on it", async () => {
    await layer.send("worker", { type: "job" });
    expect(layer.stats().channels).toBe(1);
    await layer.receive("worker");
    expect(layer.stats().channels).toBe(0);
    const controller = new AbortController();
    const pending = layer.receive("worker", { signal: controller.signal });
    expect(layer.stats().channels).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(layer.stats().channels).toBe(0);
  });

  it("serves concurrent receives on one channel in the order they started", async () => {
    const first = layer.receive("jobs");
    const second = layer.receive("jobs");
    await layer.send("jobs", { type: "job.1" });
    await layer.send("jobs", { type: "job.2" });
    await expect(first).resolves.toEqual({ type: "job.1" });
    await expect(second).resolves.toEqual({ type: "job.2" });
  });

  it("does not count a message handed to a waiting receiver against capacity", async () => {
    const small = new InMemoryChannelLayer({ capacity: 1 });
    try {
      const pending = small.receive("c");
      await small.send("c", { type: "handed" });
      await small.send("c", { type: "queued" });
      await expect(small.send("c", { type: "over" })).rejects.toBeInstanceOf(ChannelFull);
      await expect(pending).resolves.toEqual({ type: "handed" });
    } finally {
      await small.close();
    }
  });

  it("frees room taken by expired messages when a full channel is sent to", async () => {
    jest.useFakeTimers(); // the layer reads performance.now(): expiry passes without waiting
    const small = new InMemoryChannelLayer({ capacity: 1, expiry: 0.05 });
    try {
      await small.send("c", { type: "stale" });
      jest.advanceTimersByTime(120);
      await expect(small.send("c", { type: "fresh" })).resolves.toBeUndefined();
      await expect(small.receive("c")).resolves.toEqual({ type: "fresh" });
    } finally {
      await small.close();
      jest.useRealTimers();
    }
  });

  it("sweeps channels nobody touches again once expiry has passed", async () => {
    jest.useFakeTimers();
    const short = new InMemoryChannelLayer({ expiry: 0.05, groupExpiry: 0.05 });
    try {
      await short.send("abandoned", { type: "never.read" });
      await short.groupAdd("old-group", "abandoned-member");
      jest.advanceTimersByTime(120);
      await short.send("active", { type: "trigger" });
      expect(short.stats()).toEqual({ channels: 1, groups: 0, up: true, queuedMessages: 1 });
    } finally {
      await short.close();
      jest.useRealTimers();
    }
  });

  it("flush() drops messages and groups but keeps waiting receivers listening", async () => {
    const waiting = layer.receive("listener");
    await layer.send("other", { type: "dropped" });
    await layer.groupAdd("room", "listener");
    await layer.flush();
    expect(layer.stats()).toEqual({ channels: 1, groups: 0, up: true, queuedMessages: 0 });
    await layer.send("listener", { type: "after.flush" });
    await expect(waiting).resolves.toEqual({ type: "after.flush" });
  });

  it("after close(), rejects new work with ChannelLayerClosed and ignores cleanup calls", async () => {
    const pending = layer.receive("c");
    await layer.close();
    await expect(pending).rejects.toMatchObject({ code: "CHANNEL_LAYER_CLOSED", name: "AbortError" });
    await expect(layer.send("c", { type: "x" })).rejects.toBeInstanceOf(ChannelLayerClosed);
    await expect(layer.receive("c")).rejects.toThrow("Cannot receive() on a closed channel layer");
    await expect(layer.groupAdd("g", "c")).rejects.toBeInstanceOf(ChannelLayerClosed);
    await expect(layer.groupSend("g", { type: "x" })).rejects.toBeInstanceOf(ChannelLayerClosed);
    await expect(layer.newChannel()).rejects.toBeInstanceOf(ChannelLayerClosed);
    await expect(layer.groupDiscard("g", "c")).resolves.toBeUndefined();
    await expect(layer.discardChannel("c")).resolves.toBeUndefined();
    await expect(layer.flush()).resolves.toBeUndefined();
  });

  it("ignores an abort that comes after the message was delivered", async () => {
    const controller = new AbortController();
    const pending = layer.receive("c", { signal: controller.signal });
    await layer.send("c", { type: "first" });
    controller.abort();
    await expect(pending).resolves.toEqual({ type: "first" });
    await layer.send("c", { type: "second" });
    await expect(layer.receive("c")).resolves.toEqual({ type: "second" });
  });
});

describe("InMemoryChannelLayer.receiveNowait", () => {
  it("returns queued messages in order without waiting, undefined when empty, and rejects bad names", async () => {
    const layer = new InMemoryChannelLayer();
    const channel = await layer.newChannel();
    expect(layer.receiveNowait(channel)).toBeUndefined();
    await layer.send(channel, { type: "a" });
    await layer.send(channel, { type: "b" });
    expect(layer.receiveNowait(channel)).toEqual({ type: "a" });
    expect(await layer.receive(channel)).toEqual({ type: "b" });
    expect(layer.receiveNowait(channel)).toBeUndefined();
    expect(() => layer.receiveNowait("bad name")).toThrow(TypeError);
    await layer.close();
  });
});

describe("InMemoryChannelLayer.receiveInto", () => {
  function recorder(): {
    got: Message[];
    errors: unknown[];
    onLayerMessage(m: Message): void;
    onLayerError(e: unknown): void;
  } {
    const got: Message[] = [];
    const errors: unknown[] = [];
    return {
      got,
      errors,
      onLayerMessage: (message) => void got.push(message),
      onLayerError: (error) => void errors.push(error),
    };
  }

  it("hands a queued message over at once, and the next one sent once it arrives, with no promise", async () => {
    const layer = new InMemoryChannelLayer();
    const channel = await layer.newChannel();
    await layer.send(channel, { type: "queued" });
    const receiver = recorder();
    layer.receiveInto(channel, receiver);
    expect(receiver.got).toEqual([{ type: "queued" }]);
    layer.receiveInto(channel, receiver);
    expect(receiver.got).toHaveLength(1);
    await layer.groupAdd("g", channel);
    await layer.groupSend("g", { type: "sent" });
    expect(receiver.got).toEqual([{ type: "queued" }, { type: "sent" }]);
    // One message per registration: the next one waits in the channel.
    await layer.send(channel, { type: "kept" });
    expect(receiver.got).toHaveLength(2);
    expect(layer.receiveNowait(channel)).toEqual({ type: "kept" });
    await layer.close();
  });

  it("serves waiters in the order they started waiting, receive() and receiveInto() alike", async () => {
    const layer = new InMemoryChannelLayer();
    const channel = await layer.newChannel();
    const pending = layer.receive(channel);
    const receiver = recorder();
    layer.receiveInto(channel, receiver);
    await layer.send(channel, { type: "first" });
    await layer.send(channel, { type: "second" });
    await expect(pending).resolves.toEqual({ type: "first" });
    expect(receiver.got).toEqual([{ type: "second" }]);
    await layer.close();
  });

  it("reports discard and close through onLayerError, and rejects bad names", async () => {
    const layer = new InMemoryChannelLayer();
    const a = recorder();
    const b = recorder();
    layer.receiveInto("worker-a", a);
    layer.receiveInto("worker-b", b);
    await layer.discardChannel("worker-a");
    expect(a.errors[0]).toBeInstanceOf(ChannelReceiveAborted);
    await layer.close();
    expect(b.errors[0]).toBeInstanceOf(ChannelReceiveAborted);
    expect(() => new InMemoryChannelLayer().receiveInto("bad name", a)).toThrow(TypeError);
    expect(() => layer.receiveInto("worker-c", a)).toThrow(ChannelLayerClosed);
  });
});

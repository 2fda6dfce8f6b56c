import { ChannelFull, ChannelReceiveAborted, DONE, ErrorCode, InMemoryChannelLayer } from "@channels-ts/core";

test("the in-memory layer's calls that finish at once return the shared DONE", async () => {
  const layer = new InMemoryChannelLayer();
  const channel = await layer.newChannel();
  expect(layer.groupAdd("room", channel)).toBe(DONE);
  expect(layer.groupSend("room", { type: "m" })).toBe(DONE);
  expect(layer.send(channel, { type: "m" })).toBe(DONE);
  expect(layer.groupDiscard("room", channel)).toBe(DONE);
  expect(layer.discardChannel(channel)).toBe(DONE);
  await layer.close();
});

test("a failing call rejects rather than throwing, as an async function would", async () => {
  const layer = new InMemoryChannelLayer({ capacity: 1 });
  const channel = await layer.newChannel();
  await layer.send(channel, { type: "m" });
  let full: Promise<void> | undefined;
  expect(() => (full = layer.send(channel, { type: "m" }))).not.toThrow();
  await expect(full).rejects.toBeInstanceOf(ChannelFull);
  let bad: Promise<void> | undefined;
  expect(() => (bad = layer.groupSend("bad group!", { type: "m" }))).not.toThrow();
  await expect(bad).rejects.toThrow(TypeError);
  expect(() => void layer.newChannel("bad prefix!").catch(() => undefined)).not.toThrow();
  await expect(layer.newChannel("bad prefix!")).rejects.toThrow();
  await layer.close();
});

test("a channel in several groups leaves each, and all of them when discarded", async () => {
  const layer = new InMemoryChannelLayer();
  const channel = await layer.newChannel();
  for (const group of ["a", "b", "c"]) await layer.groupAdd(group, channel);
  await layer.groupDiscard("b", channel);
  await layer.groupSend("a", { type: "from a" });
  await layer.groupSend("b", { type: "from b" });
  await expect(layer.receive(channel)).resolves.toEqual({ type: "from a" });
  expect(layer.stats().groups).toBe(2);
  await layer.discardChannel(channel);
  expect(layer.stats()).toEqual({ channels: 0, groups: 0, up: true, queuedMessages: 0 });
  await layer.close();
});

test("the cancellation of a discarded wait is a real error with its code, made without a stack trace", async () => {
  const layer = new InMemoryChannelLayer();
  const channel = await layer.newChannel();
  const limit = Error.stackTraceLimit;
  const pending = layer.receive(channel);
  await layer.discardChannel(channel);
  const error: unknown = await pending.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ChannelReceiveAborted);
  expect(error).toBeInstanceOf(Error);
  expect((error as ChannelReceiveAborted).code).toBe(ErrorCode.CHANNEL_DISCARDED);
  expect((error as Error).stack).toBe(`AbortError: ${(error as Error).message}`);
  expect(Error.stackTraceLimit).toBe(limit);
  await layer.close();
});

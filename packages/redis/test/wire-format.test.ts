import type Redis from "ioredis";
import { decode, encode } from "@msgpack/msgpack";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

/** Members of a sorted set with their scores, as raw bytes. */
async function zrange(redis: Redis, key: string): Promise<Array<{ member: Buffer; score: number }>> {
  const flat = await redis.zrangeBuffer(key, 0, -1, "WITHSCORES");
  const out: Array<{ member: Buffer; score: number }> = [];
  for (let i = 0; i < flat.length; i += 2)
    out.push({ member: flat[i] as Buffer, score: Number((flat[i + 1] as Buffer).toString()) });
  return out;
}

function payload(member: Buffer): Record<string, unknown> {
  return decode(member.subarray(12)) as Record<string, unknown>;
}

/** Calls of every command but INFO, from INFO commandstats. */
async function commandCalls(redis: Redis): Promise<Record<string, number>> {
  const info = await redis.info("commandstats");
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
    if (match[1] !== "info") calls[match[1] as string] = Number(match[2]);
  return calls;
}

describeWithRedis("RedisChannelLayer writes channels_redis 4.x's Redis layout", () => {
  const server = useRedisServer();
  let redis: Redis;
  let layer: RedisChannelLayer;
  beforeAll(() => {
    redis = server.client();
  });
  beforeEach(async () => {
    await redis.flushall();
    // Group sends wait for Redis's reply: these tests read the layout as soon as they resolve.
    layer = new RedisChannelLayer({ hosts: [server.url], pipelineGroupSends: false });
  });
  afterEach(() => layer.close());

  it("names specific channels specific.<32 hex>!<32 hex>", async () => {
    const channel = await layer.newChannel();
    expect(channel).toMatch(/^specific\.[0-9a-f]{32}![0-9a-f]{32}$/);
    expect(channel.startsWith(`specific.${layer.clientPrefix}!`)).toBe(true);
  });

  it("send(): one sorted set per process, 12 random bytes + msgpack (str as str, bytes as bin), __asgi_channel__ a string, float-second score, EXPIRE", async () => {
    const channel = await layer.newChannel();
    const before = Date.now() / 1000;
    await layer.send(channel, { type: "chat.message", text: "héllo", bytes: new Uint8Array([0, 255]) });
    await layer.send(channel, { type: "chat.message", text: "héllo", bytes: new Uint8Array([0, 255]) });
    const key = `asgispecific.${layer.clientPrefix}!`;
    expect(await redis.type(key)).toBe("zset");
    const entries = await zrange(redis, key);
    expect(entries).toHaveLength(2); // identical messages stay distinct members thanks to the prefix
    const { member, score } = entries[0] as { member: Buffer; score: number };
    expect(payload(member)).toEqual({
      type: "chat.message",
      text: "héllo",
      bytes: new Uint8Array([0, 255]),
      __asgi_channel__: channel,
    });
    const body = member.subarray(12);
    expect(body[0]).toBe(0x84); // a map of 4: the message keys, then __asgi_channel__ last
    expect(body.includes(Buffer.from([0xc4, 0x02, 0x00, 0xff]))).toBe(true); // bin 8, not str
    expect(body.includes(Buffer.from([0xa6, ...Buffer.from("héllo")]))).toBe(true); // fixstr of UTF-8
    expect(score).toBeGreaterThanOrEqual(Math.floor(before));
    expect(score).toBeLessThan(before + 60);
    expect(Number.isInteger(score)).toBe(false);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(55);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it("send() to a normal channel: key prefix+name, no __asgi_channel__", async () => {
    await layer.send("plain.chan", { type: "work", n: 1 });
    const [entry] = await zrange(redis, "asgiplain.chan");
    expect(payload((entry as { member: Buffer }).member)).toEqual({ type: "work", n: 1 });
  });

  it("groupAdd(): full channel names in <prefix>:group:<name>, scored in seconds, EXPIRE groupExpiry", async () => {
    const [a, b] = [await layer.newChannel(), await layer.newChannel()];
    await layer.groupAdd("room1", a);
    await layer.groupAdd("room1", b);
    const entries = await zrange(redis, "asgi:group:room1");
    expect(entries.map((e) => e.member.toString())).toEqual([a, b]);
    for (const { score } of entries) expect(Math.abs(score - Date.now() / 1000)).toBeLessThan(5);
    expect(await redis.ttl("asgi:group:room1")).toBeGreaterThan(86_390);
  });

  it("groupSend(): one message per process queue with __asgi_channel__ listing its members, in one script call", async () => {
    const members = [await layer.newChannel(), await layer.newChannel(), await layer.newChannel()];
    for (const channel of members) await layer.groupAdd("room2", channel);
    await layer.groupAdd("room2", "plain.worker");
    await layer.groupSend("room2", { type: "warm.up" }); // loads the script (EVALSHA misses once)
    await redis.del(`asgispecific.${layer.clientPrefix}!`, "asgiplain.worker");
    const before = await commandCalls(redis);
    await layer.groupSend("room2", { type: "chat.message", text: "hi", bytes: new Uint8Array([1]) });
    const after = await commandCalls(redis);
    const delta = Object.fromEntries(
      Object.entries(after)
        .map(([name, calls]) => [name, calls - (before[name] ?? 0)])
        .filter(([, n]) => n !== 0),
    );
    // commandstats also counts what the script calls; the client itself sent one EVALSHA and nothing else.
    expect(delta).toEqual({ evalsha: 1, zremrangebyscore: 3, zrange: 1, zcard: 2, zadd: 2, expire: 2 });
    const [own] = await zrange(redis, `asgispecific.${layer.clientPrefix}!`);
    expect(payload((own as { member: Buffer }).member)).toEqual({
      type: "chat.message",
      text: "hi",
      bytes: new Uint8Array([1]),
      __asgi_channel__: members,
    });
    const [worker] = await zrange(redis, "asgiplain.worker");
    expect(payload((worker as { member: Buffer }).member)).toEqual({
      type: "chat.message",
      text: "hi",
      bytes: new Uint8Array([1]),
      __asgi_channel__: ["plain.worker"],
    });
  });

  it("groupSend(): members a peer added, of mixed lengths and interleaved processes, reach each queue in order", async () => {
    const now = Date.now() / 1000;
    const long = (tag: string) => tag.padEnd(40, "x"); // 40 > 31: a str8 header
    const names = [
      "specific.aaa!x",
      `specific.bbb!${long("1")}`,
      `specific.aaa!${long("z")}`,
      `specific.bbb!${long("2")}`,
      "specific.ccc!q",
      "plain.a",
      "specific.aaa!yy",
      `specific.bbb!${long("3")}`,
    ];
    for (const [i, name] of names.entries()) await redis.zadd("asgi:group:mixed", now - 1 + i / 100, name);
    await layer.groupSend("mixed", { type: "chat.message", text: "hi" });
    const listed = async (key: string) =>
      (await zrange(redis, key)).map(({ member }) => payload(member).__asgi_channel__);
    expect(await listed("asgispecific.aaa!")).toEqual([
      ["specific.aaa!x", `specific.aaa!${long("z")}`, "specific.aaa!yy"],
    ]);
    expect(await listed("asgispecific.bbb!")).toEqual([names.filter((n) => n.startsWith("specific.bbb!"))]);
    expect(await listed("asgispecific.ccc!")).toEqual([["specific.ccc!q"]]);
    expect(await listed("asgiplain.a")).toEqual([["plain.a"]]);
  });

  it("groupSend(): the sends of one tick go in one script call, each group listed once", async () => {
    const [a, b] = [await layer.newChannel(), await layer.newChannel()];
    await layer.groupAdd("room3", a);
    await layer.groupAdd("room4", a);
    await layer.groupAdd("room4", b);
    await layer.groupSend("room3", { type: "warm.up" }); // ioredis sends EVAL the first time, EVALSHA after
    await redis.del(`asgispecific.${layer.clientPrefix}!`);
    const before = await commandCalls(redis);
    await Promise.all([
      layer.groupSend("room3", { type: "m", n: 1 }),
      layer.groupSend("room4", { type: "m", n: 2 }),
      layer.groupSend("room3", { type: "m", n: 3 }),
      layer.send(a, { type: "m", n: 4 }),
    ]);
    const after = await commandCalls(redis);
    const scripts = (calls: Record<string, number>) => (calls.evalsha ?? 0) + (calls.eval ?? 0);
    expect(scripts(after) - scripts(before)).toBe(2); // the three group sends, and the send
    expect((after.zrange ?? 0) - (before.zrange ?? 0)).toBe(2); // each group listed once
    const queued = (await zrange(redis, `asgispecific.${layer.clientPrefix}!`)).map(({ member }) => payload(member));
    expect(queued).toEqual([
      { type: "m", n: 1, __asgi_channel__: [a] },
      { type: "m", n: 2, __asgi_channel__: [a, b] },
      { type: "m", n: 3, __asgi_channel__: [a] },
      { type: "m", n: 4, __asgi_channel__: a },
    ]);
  });

  it("groupSend() then groupDiscard(), not awaited: the member is discarded after the send, which reaches it", async () => {
    const [a, b] = [await layer.newChannel(), await layer.newChannel()];
    await layer.groupAdd("room5", a);
    await layer.groupAdd("room5", b);
    await Promise.all([layer.groupSend("room5", { type: "m" }), layer.groupDiscard("room5", b)]);
    const queued = (await zrange(redis, `asgispecific.${layer.clientPrefix}!`)).map(({ member }) => payload(member));
    expect(queued).toEqual([{ type: "m", __asgi_channel__: [a, b] }]);
    expect(await redis.zrange("asgi:group:room5", 0, -1)).toEqual([a]);
  });

  it("groupSend() then send(), not awaited: the send lands after the group send and finds the channel full", async () => {
    await layer.close();
    layer = new RedisChannelLayer({ hosts: [server.url], capacity: 1, pipelineGroupSends: false });
    const a = await layer.newChannel();
    await layer.groupAdd("room6", a);
    const results = await Promise.allSettled([
      layer.groupSend("room6", { type: "m", n: 1 }),
      layer.send(a, { type: "m", n: 2 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: "CHANNEL_FULL" });
    const queued = (await zrange(redis, `asgispecific.${layer.clientPrefix}!`)).map(({ member }) => payload(member));
    expect(queued).toEqual([{ type: "m", n: 1, __asgi_channel__: [a] }]);
  });

  it("a group send Redis refuses fails alone: the other sends of its script call are delivered", async () => {
    const a = await layer.newChannel();
    await layer.groupAdd("room7", a);
    await layer.groupAdd("room8", "specific.other!x");
    await redis.set("asgispecific.other!", "not a sorted set");
    const results = await Promise.allSettled([
      layer.groupSend("room7", { type: "m", n: 1 }),
      layer.groupSend("room8", { type: "m", n: 2 }),
      layer.groupSend("room7", { type: "m", n: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const reason = (results[1] as PromiseRejectedResult).reason as Error & { code: string };
    expect(reason.code).toBe("GROUP_SEND_REFUSED");
    expect(reason.message).toContain('"room8"');
    expect(reason.message).toContain("WRONGTYPE");
    const queued = (await zrange(redis, `asgispecific.${layer.clientPrefix}!`)).map(({ member }) => payload(member).n);
    expect(queued).toEqual([1, 3]);
  });

  it("groupSend() with channelCapacity patterns uses channels_redis's own script and layout", async () => {
    await layer.close();
    layer = new RedisChannelLayer({
      hosts: [server.url],
      channelCapacity: [["specific.*", 5]],
      pipelineGroupSends: false,
    });
    const members = [await layer.newChannel(), await layer.newChannel()];
    for (const channel of members) await layer.groupAdd("room3", channel);
    await layer.groupSend("room3", { type: "chat.message" });
    const [entry] = await zrange(redis, `asgispecific.${layer.clientPrefix}!`);
    expect(payload((entry as { member: Buffer }).member)).toEqual({ type: "chat.message", __asgi_channel__: members });
    await expect(layer.receive(members[1] as string)).resolves.toEqual({ type: "chat.message" });
  });

  it("symmetricEncryptionKeys: 12 random bytes then a Fernet token", async () => {
    await layer.close();
    layer = new RedisChannelLayer({ hosts: [server.url], symmetricEncryptionKeys: ["secret"] });
    const channel = await layer.newChannel();
    await layer.send(channel, { type: "secret.message" });
    const [entry] = await zrange(redis, `asgispecific.${layer.clientPrefix}!`);
    expect((entry as { member: Buffer }).member.subarray(12).toString("latin1")).toMatch(/^gAAAAA[A-Za-z0-9_-]+=*$/);
    await expect(layer.receive(channel)).resolves.toEqual({ type: "secret.message" });
  });
});

const prefix12 = Buffer.alloc(12, 7);
/** Payloads no channels_redis peer writes, each with what makes it wrong. */
const GARBAGE: Array<[string, Buffer]> = [
  ["not msgpack", Buffer.from([0xc1, 0xc1, 0xc1])],
  ["a list, not a map", Buffer.from(encode(["type", "x"]))],
  ["type is not a string", Buffer.from(encode({ type: 5 }))],
  ["__asgi_channel__ is a number", Buffer.from(encode({ type: "x", __asgi_channel__: 7 }))],
  ["unknown reserved key", Buffer.from(encode({ type: "x", __asgi_group__: "g" }))],
  ["truncated map", Buffer.from(encode({ type: "x", text: "abc" })).subarray(0, 6)],
];

/** Layer options that put its warnings in `warnings`, at most one a minute. */
function collectWarnings(warnings: string[]): { logger: { warn(message: string): void }; warnIntervalMs: number } {
  return { logger: { warn: (message) => warnings.push(message) }, warnIntervalMs: 60_000 };
}

describeWithRedis("malformed data on the wire is dropped with a counted, rate-limited warning", () => {
  const server = useRedisServer();
  let redis: Redis;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeAll(() => {
    redis = server.client();
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  it("RedisChannelLayer: bad queue members are skipped and the next good message arrives", async () => {
    const warnings: string[] = [];
    await using layer = closing(new RedisChannelLayer({ hosts: [server.url], ...collectWarnings(warnings) }));
    const events: string[] = [];
    layer.on("malformed", (event) => events.push(event.reason));
    const channel = await layer.newChannel();
    const key = `asgispecific.${layer.clientPrefix}!`;
    const old = Date.now() / 1000 - 1;
    for (const [index, [, body]] of GARBAGE.entries())
      await redis.zadd(key, String(old + index / 100), Buffer.concat([prefix12, body]));
    await redis.zadd(key, String(old + 0.5), Buffer.from([1, 2, 3])); // shorter than the random prefix
    await layer.send(channel, { type: "good.message" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "good.message" });
    expect(layer.malformedCount).toBe(GARBAGE.length + 1);
    expect(events).toHaveLength(GARBAGE.length + 1);
    expect(warnings).toHaveLength(1); // the rest are counted, not logged
    expect(warnings[0]).toContain(key);
    expect(unhandled).toEqual([]);
  });

  it("RedisPubSubChannelLayer: bad publications on a channel and a group are skipped", async () => {
    const warnings: string[] = [];
    await using layer = closing(new RedisPubSubChannelLayer({ hosts: [server.url], ...collectWarnings(warnings) }));
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const received = layer.receive(channel);
    for (const [, body] of GARBAGE) {
      await redis.publish(channel, body);
      await redis.publish("asgi__group__room", body);
    }
    await layer.send(channel, { type: "good.message" });
    await expect(received).resolves.toEqual({ type: "good.message" });
    expect(layer.malformedCount).toBe(2 * GARBAGE.length);
    expect(warnings).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });
});

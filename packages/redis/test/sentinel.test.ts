import type { ChannelLayer } from "@channels-ts/core";
import { RedisChannelLayer, RedisHostUnavailable, RedisPubSubChannelLayer, type RedisHost } from "@channels-ts/redis";
import {
  closing,
  describeWithSentinel,
  freePort,
  useRedisSentinel,
  type RedisSentinelSet,
} from "@channels-ts/test-fixtures";
import type { EventfulLayer } from "./host-events";

type Layer = EventfulLayer & { connect(): Promise<void> };

const layers = [
  ["RedisChannelLayer", (host: RedisHost): Layer => new RedisChannelLayer({ hosts: [host], reconnectMaxDelayMs: 100 })],
  [
    "RedisPubSubChannelLayer",
    (host: RedisHost): Layer => new RedisPubSubChannelLayer({ hosts: [host], reconnectMaxDelayMs: 100 }),
  ],
] as const;

/**
 * Without ioredis's failover detector (a Sentinel's +switch-master missed), a layer moves only when
 * the old master, demoted at the Sentinel's next INFO (every 10 s), closes its clients.
 */
const FAILOVER_BOUND_MS = 30_000;

/** `promise`, or a rejection naming `what` after `ms`: a bound, so a stuck failover fails the test instead of hanging it. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves on the first `up` after the next `down`: the layer lost its host and is back, state restored. */
function downThenUp(layer: EventfulLayer): Promise<void> {
  return new Promise((resolve) => layer.once("down", () => layer.once("up", () => resolve())));
}

/** Sends to the group until stopped, one send at a time, counting outcomes: traffic across the failover. */
function traffic(layer: ChannelLayer, group: string): { stop(): Promise<{ sent: number; failed: number }> } {
  let running = true;
  const counts = { sent: 0, failed: 0 };
  const loop = (async () => {
    while (running) {
      await layer.groupSend(group, { type: "noise" }).then(
        () => counts.sent++,
        () => counts.failed++,
      );
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return counts;
    },
  };
}

/** Both layers, each with a channel in "room" and traffic on "busy", through a failover made by `fail`. */
async function deliveryAcross(set: RedisSentinelSet, fail: () => Promise<{ from: number; to: number }>): Promise<void> {
  await using queue = closing(layers[0][1](set.host));
  await using pubsub = closing(layers[1][1](set.host));
  const all = [queue, pubsub];
  await Promise.all(all.map((layer) => layer.connect()));
  const channels = await Promise.all(all.map((layer) => layer.newChannel()));
  await Promise.all(all.map((layer, i) => layer.groupAdd("room", channels[i] as string)));
  const noise = all.map((layer) => traffic(layer, "busy"));
  const back = all.map(downThenUp);
  let to: number;
  try {
    const failover = await fail();
    expect(failover.to).not.toBe(failover.from);
    to = failover.to;
    await within(Promise.all(back), FAILOVER_BOUND_MS, "both layers to report down, then up");
  } finally {
    for (const counts of await Promise.all(noise.map((n) => n.stop()))) expect(counts.sent).toBeGreaterThan(0);
  }

  for (const [i, layer] of all.entries()) {
    await layer.groupSend("room", { type: "after.failover", layer: i });
    await expect(layer.receive(channels[i] as string)).resolves.toEqual({ type: "after.failover", layer: i });
  }
  // The pub/sub layer's subscription is on the new master (the queue layer's writes would fail on a replica).
  const [, subscribers] = (await set.client(to).call("PUBSUB", "NUMSUB", "asgi__group__room")) as [string, number];
  expect(subscribers).toBe(1);
}

describeWithSentinel("a Redis master found through Sentinel (hosts as channels_redis spells them)", () => {
  const set = useRedisSentinel();

  it.each(layers)("%s connects through the Sentinel and round-trips a group message", async (_name, make) => {
    await using layer = closing(make(set.host));
    await layer.connect();
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    await layer.groupSend("room", { type: "via.sentinel" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "via.sentinel" });
  });

  it.each(layers)("%s reports the host by master name and Sentinels in its events", async (_name, make) => {
    await using layer = closing(make({ ...set.host, sentinels: [{ host: "127.0.0.1", port: set.sentinelPort }] }));
    const up = new Promise<{ host: string }>((resolve) => layer.once("up", resolve));
    await layer.connect();
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    // A Sentinel's client connections are closed by CLIENT KILL like any other: the layer comes back.
    await set.client(await set.masterPort()).call("CLIENT", "KILL", "TYPE", "normal");
    await set.client(await set.masterPort()).call("CLIENT", "KILL", "TYPE", "pubsub");
    expect((await up).host).toBe(`mymaster (sentinels 127.0.0.1:${set.sentinelPort})`);
  });
});

describe("a Sentinel that nothing answers on", () => {
  it.each(layers)(
    "%s: connect() and operations fail with RedisHostUnavailable naming the master and Sentinels",
    async (_name, make) => {
      const port = await freePort();
      await using layer = closing(make({ sentinels: [["127.0.0.1", port]], master_name: "mymaster" }));
      const failure = await layer.connect().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(RedisHostUnavailable);
      expect((failure as Error).message).toContain(`mymaster (sentinels 127.0.0.1:${port})`);
      await expect(layer.groupSend("room", { type: "x" })).rejects.toBeInstanceOf(RedisHostUnavailable);
    },
  );
});

describeWithSentinel("a Sentinel failover (SENTINEL FAILOVER) under traffic", () => {
  const set = useRedisSentinel();

  it(
    "both layers reconnect to the new master and delivery resumes",
    () => deliveryAcross(set, () => set.failover()),
    FAILOVER_BOUND_MS + 20_000,
  );
});

describeWithSentinel("a master killed by its PID under traffic", () => {
  const set = useRedisSentinel();

  it(
    "both layers reconnect to the master the Sentinel promotes and delivery resumes",
    () => deliveryAcross(set, () => set.killMaster()),
    FAILOVER_BOUND_MS + 20_000,
  );
});

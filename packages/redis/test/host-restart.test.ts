import type { ChannelLayer } from "@channels-ts/core";
import { RedisChannelLayer, RedisHostUnavailable, RedisPubSubChannelLayer, type HostEvent } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer, type RedisServer } from "@channels-ts/test-fixtures";
import { nextHostEvent as next, type EventfulLayer } from "./host-events";

/** Sends to the group until stopped, counting outcomes: traffic that spans the restart. */
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

/**
 * Stops the Redis server and starts it again (with no data), once `layer` has reported it down
 * and `whileDown` has run; resolves with the layer's down and up events.
 */
async function bounce(
  server: RedisServer,
  layer: EventfulLayer,
  whileDown: () => Promise<unknown> | void = () => undefined,
): Promise<{ down: HostEvent; up: HostEvent }> {
  const down = next(layer, "down");
  await server.stop();
  const downEvent = await down;
  await whileDown();
  const up = next(layer, "up");
  await server.restart();
  return { down: downEvent, up: await up };
}

describeWithRedis("a Redis host that stops", () => {
  const server = useRedisServer();

  it.each([
    [
      "RedisChannelLayer",
      (url: string) => new RedisChannelLayer({ hosts: [url], operationTimeoutMs: 200, reconnectMaxDelayMs: 100 }),
    ],
    [
      "RedisPubSubChannelLayer",
      (url: string) => new RedisPubSubChannelLayer({ hosts: [url], operationTimeoutMs: 200, reconnectMaxDelayMs: 100 }),
    ],
  ] as const)("%s: operations reject while it stays down and work again once it is back", async (_name, make) => {
    await using layer = closing(make(server.url) as EventfulLayer);
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    await bounce(server, layer, () =>
      expect(layer.groupSend("room", { type: "lost" })).rejects.toBeInstanceOf(RedisHostUnavailable),
    );
    await layer.groupSend("room", { type: "after" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
  });
});

describeWithRedis("a Redis restart (data lost) under traffic", () => {
  const server = useRedisServer();

  it("RedisChannelLayer emits down/up, puts its group memberships back, and a groupSend after the restart arrives", async () => {
    await using layer = closing(new RedisChannelLayer({ hosts: [server.url], reconnectMaxDelayMs: 200 }));
    await using observer = closing(server.client({ lazyConnect: true, retryStrategy: () => 100 }));
    observer.on("error", () => undefined);
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const noise = traffic(layer, "busy");
    const { down, up } = await bounce(server, layer);
    expect(down).toMatchObject({ shard: 0, host: server.url });
    expect(up).toMatchObject({ shard: 0 });
    expect(await observer.zrange("asgi:group:room", 0, -1)).toEqual([channel]); // restored, not waiting for a groupAdd
    await noise.stop();
    await layer.groupSend("room", { type: "after.restart" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "after.restart" });
  });

  it.each([
    ["RedisChannelLayer", (url: string) => new RedisChannelLayer({ hosts: [url], reconnectMaxDelayMs: 200 })],
    [
      "RedisPubSubChannelLayer",
      (url: string) => new RedisPubSubChannelLayer({ hosts: [url], reconnectMaxDelayMs: 200 }),
    ],
  ] as const)(
    "%s: a groupSend made while Redis is down reaches this process's members once it is back",
    async (_name, make) => {
      await using layer = closing(make(server.url) as EventfulLayer);
      const channel = await layer.newChannel();
      await layer.groupAdd("outage", channel);
      let sending: Promise<void> | undefined;
      await bounce(server, layer, () => {
        // Sent during the outage: it must wait for the memberships/subscriptions to be restored,
        // not be replayed from the client's offline queue onto an empty Redis before them.
        sending = layer.groupSend("outage", { type: "sent.while.down" });
      });
      await sending;
      await expect(layer.receive(channel)).resolves.toEqual({ type: "sent.while.down" });
    },
  );

  it("RedisChannelLayer: a receive pending across the restart still gets the next message", async () => {
    await using layer = closing(new RedisChannelLayer({ hosts: [server.url], reconnectMaxDelayMs: 200 }));
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const pending = layer.receive(channel);
    await bounce(server, layer);
    await layer.groupSend("room", { type: "after.restart" });
    await expect(pending).resolves.toEqual({ type: "after.restart" });
  });

  it("RedisPubSubChannelLayer emits down/up and resubscribes its channels and groups", async () => {
    await using layer = closing(new RedisPubSubChannelLayer({ hosts: [server.url], reconnectMaxDelayMs: 200 }));
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const pending = layer.receive(channel);
    const noise = traffic(layer, "busy");
    await bounce(server, layer);
    await noise.stop();
    await layer.groupSend("room", { type: "group.after.restart" });
    await expect(pending).resolves.toEqual({ type: "group.after.restart" });
    await layer.send(channel, { type: "direct.after.restart" });
    await expect(layer.receive(channel)).resolves.toEqual({ type: "direct.after.restart" });
  });
});

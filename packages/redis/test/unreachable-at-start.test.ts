import { ChannelLayerClosed } from "@channels-ts/core";
import { RedisChannelLayer, RedisHostUnavailable, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

// A long operationTimeoutMs proves that nothing below waits for it: a host never reached fails at once.
const LONG_MS = 60_000;

const layers = [
  [
    "RedisChannelLayer",
    (url: string) => new RedisChannelLayer({ hosts: [url], operationTimeoutMs: LONG_MS, reconnectMaxDelayMs: 100 }),
  ],
  [
    "RedisPubSubChannelLayer",
    (url: string) =>
      new RedisPubSubChannelLayer({ hosts: [url], operationTimeoutMs: LONG_MS, reconnectMaxDelayMs: 100 }),
  ],
] as const;

describeWithRedis("a Redis host that is not running when the layer starts", () => {
  let server: RedisServer;
  let url: string;
  beforeAll(async () => {
    // Started, then stopped: a port where no Redis listens now and where one can come up later.
    server = await RedisServer.start();
    url = server.url;
    await server.stop();
  });
  afterAll(() => server.stop());

  it.each(layers)(
    "%s: connect() reports it at once, operations fail fast, and the layer works once Redis is up",
    async (_name, make) => {
      const layer = make(url);
      try {
        const down = new Promise<{ host: string; error: Error; firstConnection: boolean }>((resolve) =>
          layer.once("down", resolve),
        );
        const started = Date.now();
        const failure = await layer.connect().then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(RedisHostUnavailable);
        expect(failure).toMatchObject({ code: "REDIS_HOST_UNAVAILABLE", host: url, downForMs: undefined });
        expect((failure as Error).message).toContain(`Redis host ${url} is unreachable (`);
        expect((failure as Error).message).toContain("ECONNREFUSED");
        expect(await down).toMatchObject({
          host: url,
          firstConnection: true,
          error: expect.objectContaining({ code: "ECONNREFUSED" }),
        });
        expect(layer.unavailable).toBe(failure);

        const someChannel = "specific.abc!def";
        await expect(layer.groupAdd("room", someChannel)).rejects.toBeInstanceOf(RedisHostUnavailable);
        await expect(layer.groupSend("room", { type: "lost" })).rejects.toBeInstanceOf(RedisHostUnavailable);
        await expect(layer.send(someChannel, { type: "lost" })).rejects.toBeInstanceOf(RedisHostUnavailable);
        expect(Date.now() - started).toBeLessThan(LONG_MS / 10);

        const up = new Promise((resolve) => layer.once("up", resolve));
        await server.restart();
        await up;
        expect(layer.unavailable).toBeUndefined();
        await expect(layer.connect()).resolves.toBeUndefined();
        const channel = await layer.newChannel();
        await layer.groupAdd("room", channel);
        await layer.groupSend("room", { type: "after" });
        await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
      } finally {
        await layer.close();
        await server.stop();
      }
    },
  );

  it.each(layers)("%s: close() settles a connect() still waiting", async (_name, make) => {
    await server.restart();
    try {
      const layer = make(url);
      const connecting = layer.connect();
      await layer.close();
      await expect(connecting).rejects.toBeInstanceOf(ChannelLayerClosed);
      await expect(layer.connect()).rejects.toBeInstanceOf(ChannelLayerClosed);
    } finally {
      await server.stop();
    }
  });
});

describeWithRedis("the down event", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it.each(layers)(
    "%s: carries an error saying why, even when Redis closed the connection cleanly",
    async (_name, make) => {
      const layer = make(server.url);
      try {
        await layer.connect();
        const down = new Promise<{ error: Error; firstConnection: boolean }>((resolve) => layer.once("down", resolve));
        await server.stop();
        const event = await down;
        expect(event.firstConnection).toBe(false);
        expect(event.error.message).toMatch(/\S/);
        // An outage after a successful start still waits (a restart is brief): nothing is unavailable yet.
        expect(layer.unavailable).toBeUndefined();
        const up = new Promise((resolve) => layer.once("up", resolve));
        await server.restart();
        await up;
      } finally {
        await layer.close();
      }
    },
  );

  it.each(layers)(
    "%s: close() rejects operations waiting on a host that went down after the start",
    async (_name, make) => {
      const layer = make(server.url);
      try {
        await layer.connect();
        const down = new Promise((resolve) => layer.once("down", resolve));
        await server.stop();
        await down;
        const channel = "specific.abc!def";
        const pending = [layer.send(channel, { type: "x" }), layer.groupSend("g", { type: "x" })];
        await layer.close();
        for (const operation of pending) await expect(operation).rejects.toBeInstanceOf(ChannelLayerClosed);
      } finally {
        await layer.close();
        await server.restart();
      }
    },
  );
});

import Redis from "ioredis";
import { ChannelLayerClosed } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

async function clientCount(observer: Redis): Promise<number> {
  const list = (await observer.call("CLIENT", "LIST")) as string;
  return list.trim().split("\n").length - 1;
}

/** Connected clients other than `observer`, waiting (briefly) for the server to notice closed sockets. */
async function otherClients(observer: Redis, expected: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await clientCount(observer)) === expected) return expected;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return clientCount(observer);
}

describeWithRedis("close() ends every connection and pending receive", () => {
  let server: RedisServer;
  let observer: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    observer = new Redis(server.url);
  });
  afterAll(async () => {
    observer.disconnect();
    await server.stop();
  });

  it.each([
    ["RedisChannelLayer", () => new RedisChannelLayer({ hosts: [server.url] })],
    ["RedisPubSubChannelLayer", () => new RedisPubSubChannelLayer({ hosts: [server.url] })],
  ])("%s", async (_name, make) => {
    const layer = make();
    const channel = await layer.newChannel();
    await layer.groupAdd("room", channel);
    const pending = [layer.receive(channel), layer.receive("plain.worker")];
    await layer.send(channel, { type: "first" });
    await expect(pending[0]).resolves.toEqual({ type: "first" });
    expect(await otherClients(observer, 3)).toBeGreaterThanOrEqual(2); // commands + blocking pop or subscriber
    await layer.close();
    await expect(pending[1]).rejects.toMatchObject({ name: "AbortError" });
    expect(await otherClients(observer, 0)).toBe(0);
    await expect(layer.send(channel, { type: "late" })).rejects.toBeInstanceOf(ChannelLayerClosed);
    await expect(layer.receive(channel)).rejects.toMatchObject({ name: "AbortError" });
  });
});

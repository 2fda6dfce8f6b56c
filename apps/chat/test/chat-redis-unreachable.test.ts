import WebSocket from "ws";
import { describeWithRedis, fetchText, RedisServer, useProcesses } from "@channels-ts/test-fixtures";
import { startChat, type RedisLayerKind } from "./support/chat-process";
import { joinRoom } from "./support/room-client";

const LAYERS: RedisLayerKind[] = ["redis", "redis-pubsub"];

/** Opens `/room/<room>/` and resolves with how the server ended it, and how long that took. */
function closeOf(port: number, room: string): Promise<{ code: number; reason: string; ms: number }> {
  const started = Date.now();
  const socket = new WebSocket(`ws://127.0.0.1:${port}/room/${room}/`);
  return new Promise((resolve, reject) => {
    socket.once("unexpected-response", (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString(), ms: Date.now() - started }));
    socket.on("error", () => undefined); // the close event follows
  });
}

describeWithRedis("the chat started while its Redis is down", () => {
  describe.each(LAYERS)("CHANNEL_LAYER=%s", (layer) => {
    let redis: RedisServer;
    const processes = useProcesses();

    beforeAll(async () => {
      // Started and stopped: a port where no Redis listens now and where it can come up later.
      redis = await RedisServer.start();
      await redis.stop();
    });

    afterAll(() => redis.stop());

    it("says so at once naming the host, closes clients promptly with 1013, and works once Redis is up", async () => {
      const { service, port } = await startChat(processes, layer, redis.url, "chat without Redis");
      await service.waitFor(
        /^chat: Redis (\S+) is unreachable \(.*ECONNREFUSED.*\); start it or fix REDIS_URL\./m,
        10_000,
      );
      expect(service.output).toContain(`chat: Redis ${redis.url} is unreachable`);
      // Readiness follows the layer: down while Redis is, alive all the same.
      expect(await fetchText(`http://127.0.0.1:${port}/readyz`)).toMatchObject({
        status: 503,
        body: 'not ready: channel layer "default" is down\n',
      });
      expect((await fetchText(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      const refused = await closeOf(port, "1");
      expect(refused.code).toBe(1013);
      expect(refused.reason).toBe(`Redis ${redis.url} is unreachable; try again later`);
      expect(refused.ms).toBeLessThan(1_000);

      await redis.restart();
      await service.waitFor(/^chat: Redis \S+ is up\.$/m, 10_000);
      expect(service.alive).toBe(true);
      expect(await fetchText(`http://127.0.0.1:${port}/readyz`)).toMatchObject({ status: 200, body: "ready\n" });
      {
        // Closed at the end of the block, before the chat is stopped.
        await using a = await joinRoom(port, "1", "A");
        await using b = await joinRoom(port, "1", "B");
        a.send("hello after the outage");
        await b.next("hello after the outage");
      }
      expect(await service.stop()).toMatchObject({ code: 0, killed: false });
    });
  });
});

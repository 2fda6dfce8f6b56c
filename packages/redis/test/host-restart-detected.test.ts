import { RedisChannelLayer, RedisPubSubChannelLayer, type HostRestartedEvent } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

const LAYERS = [
  [
    "RedisChannelLayer",
    (url: string, warn: (line: string) => void) => new RedisChannelLayer({ hosts: [url], logger: { warn } }),
  ],
  [
    "RedisPubSubChannelLayer",
    (url: string, warn: (line: string) => void) => new RedisPubSubChannelLayer({ hosts: [url], logger: { warn } }),
  ],
] as const;

describeWithRedis("a Redis host that restarts is told from a dropped connection", () => {
  const server = useRedisServer();

  it.each(LAYERS)(
    "%s: a restart (new run_id) is a `restarted` event and one warning, before `up`; a dropped connection to the same Redis is not",
    async (_name, make) => {
      const warnings: string[] = [];
      await using layer = closing(make(server.url, (line) => warnings.push(line)));
      await layer.connect();
      await layer.groupAdd("room", await layer.newChannel());
      const order: string[] = [];
      const restarted: HostRestartedEvent[] = [];
      layer.on("restarted", (event) => (order.push("restarted"), restarted.push(event)));
      layer.on("up", () => order.push("up"));
      const admin = server.client();
      const runId = /^run_id:(\w+)/m.exec(await admin.info("server"))?.[1];

      // The same Redis: every client connection cut (CLIENT KILL), then back. Not a restart.
      const upAgain = new Promise((resolve) => layer.once("up", resolve));
      await admin.client("KILL", "TYPE", "normal", "SKIPME", "yes");
      await upAgain;
      expect({ order, restarts: layer.hostRestarts }).toEqual({ order: ["up"], restarts: 0 });

      // A restart: another process, with another run_id.
      const up = new Promise((resolve) => layer.once("up", resolve));
      await server.stop();
      await server.restart();
      await up;
      const newRunId = /^run_id:(\w+)/m.exec(await server.client().info("server"))?.[1];
      expect(order).toEqual(["up", "restarted", "up"]);
      expect(restarted).toEqual([{ shard: 0, host: expect.any(String), previousRunId: runId, runId: newRunId }]);
      expect(layer.hostRestarts).toBe(1);
      const lines = warnings.filter((line) => line.includes("restarted"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`run_id ${runId} -> ${newRunId}`);
    },
  );
});

import { join } from "node:path";
import { configurePresence, countPresence, listPresence, type PresenceDiffMessage } from "@channels-ts/core";
import { RedisChannelLayer, RedisPresenceStore } from "@channels-ts/redis";
import { describeWithRedis, startProcess, useRedisServer } from "@channels-ts/test-fixtures";

const HEARTBEAT_MS = 100;
const TIMEOUT_MS = 300;

describeWithRedis("presence of a process killed with SIGKILL", () => {
  const redis = useRedisServer();

  it("leaves every list within timeoutMs and its leave diff goes out within timeoutMs + heartbeatMs", async () => {
    const layer = new RedisChannelLayer({ hosts: [redis.url] });
    const store = new RedisPresenceStore({ host: redis.url, heartbeatMs: HEARTBEAT_MS, timeoutMs: TIMEOUT_MS });
    await using _layer = { [Symbol.asyncDispose]: () => layer.close().then(() => store.close()) };
    configurePresence(layer, { store });
    const member = await layer.newChannel();
    await layer.groupAdd("room", member);

    const script = join(__dirname, "fixtures", "presence-process.ts");
    await using child = startProcess(process.execPath, [
      "--import",
      "tsx",
      script,
      redis.url,
      String(HEARTBEAT_MS),
      String(TIMEOUT_MS),
    ]);
    await child.waitFor(/tracked/);
    const joined = (await layer.receive(member, {
      signal: AbortSignal.timeout(5000),
    })) as unknown as PresenceDiffMessage;
    expect(Object.keys(joined.joins)).toEqual(["ghost"]);
    expect((await listPresence(layer, "room")).ghost!.metas[0]).toMatchObject({ pid: child.pid });

    const killedAt = performance.now();
    child.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    const left = (await layer.receive(member, { signal: AbortSignal.timeout(5000) })) as unknown as PresenceDiffMessage;
    const elapsed = performance.now() - killedAt;
    expect(left.leaves.ghost!.metas).toHaveLength(1);
    expect(left.joins).toEqual({});
    expect(await countPresence(layer, "room")).toBe(0);
    // The bound (docs/presence.md): timeoutMs + heartbeatMs + the 50 ms diff window, plus slack for a busy machine.
    expect(elapsed).toBeLessThan(TIMEOUT_MS + HEARTBEAT_MS + 50 + 1000);
    process.stdout.write(`presence of a killed process left after ${Math.round(elapsed)} ms\n`);
  });
});

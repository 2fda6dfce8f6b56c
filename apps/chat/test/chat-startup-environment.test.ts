import { useProcesses } from "@channels-ts/test-fixtures";
import { InvalidEnvironment } from "../src/invalid-environment";
import { readChatEnvironment } from "../src/environment";
import { spawnChat } from "./support/chat-process";

describe("the chat's environment, checked at startup", () => {
  it("uses the documented defaults, and an empty value counts as unset", () => {
    const defaults = {
      host: "127.0.0.1",
      port: 8000,
      layer: { kind: "memory" },
      accessLog: true,
      metricsPath: null,
      maxConnectionsPerAddress: 256,
      maxMessagesPerSecond: 200,
      forwardedAllowIps: null,
      allowedOrigins: [],
    };
    expect(readChatEnvironment({})).toEqual(defaults);
    expect(readChatEnvironment({ HOST: "", PORT: "", CHANNEL_LAYER: "", REDIS_URL: "", ACCESS_LOG: "" })).toEqual(
      defaults,
    );
    expect(readChatEnvironment({ METRICS_PATH: "/metrics" }).metricsPath).toBe("/metrics");
    expect(readChatEnvironment({ ACCESS_LOG: "0" }).accessLog).toBe(false);
    expect(readChatEnvironment({ ACCESS_LOG: "On" }).accessLog).toBe(true);
    expect(readChatEnvironment({ MAX_CONNECTIONS_PER_ADDRESS: "10" }).maxConnectionsPerAddress).toBe(10);
    expect(readChatEnvironment({ MAX_CONNECTIONS_PER_ADDRESS: "0" }).maxConnectionsPerAddress).toBe(Infinity);
    expect(readChatEnvironment({ MAX_MESSAGES_PER_SECOND: "50" }).maxMessagesPerSecond).toBe(50);
    expect(readChatEnvironment({ MAX_MESSAGES_PER_SECOND: "0" }).maxMessagesPerSecond).toBe(Infinity);
    expect(readChatEnvironment({ FORWARDED_ALLOW_IPS: "10.0.0.0/8, ::1" }).forwardedAllowIps).toEqual([
      "10.0.0.0/8",
      "::1",
    ]);
    expect(readChatEnvironment({ ALLOWED_ORIGINS: "example.com, .example.org" }).allowedOrigins).toEqual([
      "example.com",
      ".example.org",
    ]);
    expect(readChatEnvironment({ CHANNEL_LAYER: "redis" }).layer).toEqual({
      kind: "redis",
      redisUrl: "redis://127.0.0.1:6379",
    });
  });

  it.each([
    { HOST: "0.0.0.0", PORT: "0" },
    { HOST: "::1", PORT: "65535" },
    { HOST: "chat.example.com", PORT: "8001" },
    { CHANNEL_LAYER: "redis-pubsub", REDIS_URL: "rediss://:secret@redis.internal:6380/2" },
    { CHANNEL_LAYER: "redis", REDIS_URL: "redis://localhost" },
    // Unused by the in-memory layer, so not checked.
    { CHANNEL_LAYER: "memory", REDIS_URL: "http://nowhere" },
  ])("accepts %p", (env) => {
    expect(() => readChatEnvironment(env)).not.toThrow();
  });

  it.each([
    [{ CHANNEL_LAYER: "reddis" }, "CHANNEL_LAYER", "use one of memory, redis, redis-pubsub"],
    [{ ACCESS_LOG: "quiet" }, "ACCESS_LOG", "use ACCESS_LOG=1 or ACCESS_LOG=0"],
    [{ CHANNEL_LAYER: "Redis" }, "CHANNEL_LAYER", "use one of memory, redis, redis-pubsub"],
    [{ PORT: "abc" }, "PORT", "use an integer from 0 to 65535"],
    [{ PORT: "-1" }, "PORT", "use an integer from 0 to 65535"],
    [{ PORT: "65536" }, "PORT", "use an integer from 0 to 65535"],
    [{ PORT: "80.5" }, "PORT", "use an integer from 0 to 65535"],
    [{ HOST: "not a host" }, "HOST", "use an IP address or a host name"],
    [{ METRICS_PATH: "metrics" }, "METRICS_PATH", 'use a path starting with "/"'],
    [{ METRICS_PATH: "/readyz" }, "METRICS_PATH", "other than /healthz and /readyz"],
    [{ HOST: "127.0.0.1:8000" }, "HOST", "give the port in PORT"],
    [{ MAX_CONNECTIONS_PER_ADDRESS: "-1" }, "MAX_CONNECTIONS_PER_ADDRESS", "or 0 for no limit"],
    [{ MAX_MESSAGES_PER_SECOND: "fast" }, "MAX_MESSAGES_PER_SECOND", "or 0 for no limit"],
    [{ FORWARDED_ALLOW_IPS: "proxy.local" }, "FORWARDED_ALLOW_IPS", "e.g. FORWARDED_ALLOW_IPS=10.0.0.0/8,::1"],
    [{ ALLOWED_ORIGINS: "http://" }, "ALLOWED_ORIGINS", "e.g. ALLOWED_ORIGINS=example.com"],
    [{ HOST: "[::1]" }, "HOST", "without brackets, e.g. HOST=::1"],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "http://127.0.0.1:6379" }, "REDIS_URL", "is not a Redis URL (scheme http:)"],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "garbage" }, "REDIS_URL", "is not a URL"],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "127.0.0.1:6379" }, "REDIS_URL", "is not a URL"],
    [{ CHANNEL_LAYER: "redis-pubsub", REDIS_URL: "redis://127.0.0.1:99999" }, "REDIS_URL", 'has port "99999"'],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "redis://127.0.0.1:abc" }, "REDIS_URL", 'has port "abc"'],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "redis://127.0.0.1:0" }, "REDIS_URL", 'has port "0"'],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "redis:///tmp/redis.sock" }, "REDIS_URL", "names no host"],
    [{ CHANNEL_LAYER: "redis", REDIS_URL: "redis://127.0.0.1:6379/db1" }, "REDIS_URL", "database number"],
  ])("refuses %p, naming %s, the value and the fix", (env, variable, fix) => {
    const value = (env as Record<string, string>)[variable] as string;
    let thrown: unknown;
    try {
      readChatEnvironment(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEnvironment);
    expect(thrown).toMatchObject({ code: "INVALID_ENVIRONMENT", variable, value });
    const message = (thrown as Error).message;
    expect(message).toContain(`${variable}=${JSON.stringify(value)}`);
    expect(message).toContain(fix);
    expect(message).not.toContain("\n");
  });
});

describe("npm start with a bad environment", () => {
  const processes = useProcesses();

  it.each([
    [
      { CHANNEL_LAYER: "reddis" },
      /^chat: CHANNEL_LAYER="reddis" is not a layer kind; use one of memory, redis, redis-pubsub\.$/m,
    ],
    [{ PORT: "abc" }, /^chat: PORT="abc" is not a port number; use an integer from 0 to 65535/m],
    [
      { CHANNEL_LAYER: "redis", REDIS_URL: "http://127.0.0.1:6379" },
      /^chat: REDIS_URL="http:\/\/127\.0\.0\.1:6379" is not a Redis URL/m,
    ],
  ])("%p: exits with 2 before listening, with one line naming the variable", async (env, line) => {
    const service = spawnChat(processes, `chat with ${JSON.stringify(env)}`, { CHANNEL_LAYER: "memory", ...env });
    await service.waitFor(line);
    const exit = await service.exited;
    expect(exit).toEqual({ code: 2, signal: null });
    expect(service.output).not.toMatch(/Listening|chat: open/);
    expect(service.output.trim().split("\n")).toHaveLength(1);
  });
});

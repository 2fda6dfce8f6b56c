import { createConnection, createServer, type Server, type Socket } from "node:net";
import { randomUUID } from "node:crypto";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { closing, describeWithRedis, useRedisServer } from "@channels-ts/test-fixtures";

/**
 * A TCP proxy in front of redis-server that can stop passing Redis's replies back and cut every
 * connection: a command Redis has run whose reply never came, as when a connection resets.
 */
class ReplyDroppingProxy implements AsyncDisposable {
  dropReplies = false;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(redisPort: number): Promise<ReplyDroppingProxy> {
    const server = createServer();
    const proxy = new ReplyDroppingProxy(server);
    server.on("connection", (client) => {
      const upstream = createConnection(redisPort, "127.0.0.1");
      for (const socket of [client, upstream]) {
        proxy.sockets.add(socket);
        socket.on("error", () => undefined);
        socket.on("close", () => {
          proxy.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.on("data", (chunk: Buffer) => upstream.write(chunk));
      upstream.on("data", (chunk: Buffer) => {
        if (!proxy.dropReplies) client.write(chunk);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === "string") throw new Error("proxy not listening");
    return `redis://127.0.0.1:${address.port}`;
  }

  /** Reset every connection through the proxy (the layer reconnects through it). */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const quiet = { warn: (): void => undefined };

/**
 * At-most-once (the layer contract): a group send that Redis ran, but whose reply was lost when
 * the connection reset, must not run again. Today it does, on both layers: ioredis keeps the
 * unanswered command (autoResendUnfulfilledCommands, its default) and writes it again on the new
 * connection, so every member gets the message twice. A restart under traffic shows the same
 * duplicates (bench/redis-restart.ts), and, because the resend goes out before the other
 * processes have restored their memberships, silent losses. Marked failing until fixed (see
 * the issue-9 report for the change).
 */
describeWithRedis("a group send whose reply is lost in a connection reset", () => {
  const redis = useRedisServer();

  it.failing.each([
    ["RedisChannelLayer", (url: string) => new RedisChannelLayer({ hosts: [url], logger: quiet })],
    ["RedisPubSubChannelLayer", (url: string) => new RedisPubSubChannelLayer({ hosts: [url], logger: quiet })],
  ] as const)("%s: is delivered once, not again after the reconnect", async (_name, make) => {
    await using proxy = await ReplyDroppingProxy.start(redis.port);
    await using sender = closing(make(proxy.url));
    await using receiver = closing(make(redis.url)); // another process, straight on Redis
    const group = `resend.${randomUUID().slice(0, 8)}`;
    const channel = await receiver.newChannel();
    await receiver.groupAdd(group, channel);
    await sender.connect();

    proxy.dropReplies = true;
    await sender.groupSend(group, { type: "once" }); // resolves once written (pipelined)
    await expect(receiver.receive(channel)).resolves.toEqual({ type: "once" }); // Redis ran it
    const up = new Promise<void>((resolve) => sender.once("up", () => resolve()));
    proxy.dropReplies = false;
    proxy.cut();
    await up;
    await sender.groupSend(group, { type: "after the reconnect" });
    // Fails today: the receiver gets { type: "once" } a second time first.
    await expect(receiver.receive(channel)).resolves.toEqual({ type: "after the reconnect" });
  });
});

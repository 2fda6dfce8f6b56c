import { join } from "node:path";
import { Demultiplexer, JsonWebsocketConsumer } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import {
  closing,
  describeWithRedis,
  installChannelLayer,
  startProcess,
  startServer,
  TextClient,
  useRedisServer,
} from "@channels-ts/test-fixtures";

class Room extends JsonWebsocketConsumer {
  override async connect(): Promise<void> {
    await this.accept();
    await this.sendJson({ joined: this.groups });
  }

  room_note(message: { text: string }): Promise<void> {
    return this.sendJson({ note: message.text });
  }
}

class Echo extends Room {
  override groups = ["echo-room"];
}

class Chat extends Room {
  override groups = ["chat-room"];
}

const envelope = (stream: string, payload: unknown): string => JSON.stringify({ stream, payload });

/** Waits for both streams' welcome frames (each has joined its group by then), then clears them. */
async function joined(client: TextClient): Promise<void> {
  await client.next(envelope("echo", { joined: ["echo-room"] }));
  await client.next(envelope("chat", { joined: ["chat-room"] }));
  client.received.length = 0;
}

const kinds = [
  ["RedisChannelLayer", "core"],
  ["RedisPubSubChannelLayer", "pubsub"],
] as const;

describeWithRedis("multiplexed streams on a Redis layer", () => {
  const redis = useRedisServer();
  const make = (kind: "core" | "pubsub") =>
    kind === "pubsub"
      ? new RedisPubSubChannelLayer({ hosts: [redis.url] })
      : new RedisChannelLayer({ hosts: [redis.url] });

  it.each(kinds)("%s: a group send from another layer instance reaches that stream only", async (_name, kind) => {
    await using _installed = installChannelLayer(make(kind));
    await using sender = closing(make(kind));
    await using server = await startServer(Demultiplexer.asApp({ streams: { echo: Echo, chat: Chat } }));
    await using client = await TextClient.open(server.wsUrl("/"));
    await joined(client);
    await sender.groupSend("chat-room", { type: "room.note", text: "to chat" });
    await client.next(envelope("chat", { note: "to chat" }));
    await sender.groupSend("echo-room", { type: "room.note", text: "to echo" });
    await client.next(envelope("echo", { note: "to echo" }));
    expect(client.received).toEqual([envelope("chat", { note: "to chat" }), envelope("echo", { note: "to echo" })]);
  });

  it.each(kinds)(
    "%s: a group send from this process reaches a stream served by another process",
    async (_name, kind) => {
      const script = join(__dirname, "fixtures", "multiplexed-server.ts");
      // One node process (not tsx's wrapper), so that the pid the server reports is the child's.
      await using child = startProcess(process.execPath, ["--import", "tsx", script, kind, redis.url], {
        name: "the multiplexed server",
      });
      const port = (await child.waitFor(/listening (\d+)/))[1] as string;
      await using sender = closing(make(kind));
      await using client = await TextClient.open(`ws://127.0.0.1:${port}/`);
      await joined(client);
      await sender.groupSend("echo-room", { type: "room.note", text: "across processes" });
      const frame = await client.next(/"stream":"echo"/);
      expect(JSON.parse(frame)).toEqual({ stream: "echo", payload: { note: "across processes", pid: child.pid } });
      expect(child.pid).not.toBe(process.pid);
      await sender.groupSend("chat-room", { type: "room.note", text: "and to chat" });
      await client.next(/"stream":"chat"/);
      expect(client.received.map((text) => (JSON.parse(text) as { stream: string }).stream)).toEqual(["echo", "chat"]);
    },
  );
});

import { ChannelsClient, type MessageOf } from "@channels-ts/client";
import { JsonWebsocketConsumer, type Handlers } from "@channels-ts/core";
import { startServer } from "@channels-ts/test-fixtures";
import { WebSocket } from "ws";

/** One message map for both ends, as a chat declares it. */
interface ChatMessages {
  "chat.message": { text: string; user?: string };
  "chat.typing": Record<never, never>;
}

/** A plain JsonWebsocketConsumer on the real server: echoes each message with a user added. */
class Echo extends JsonWebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson({ ...(content as object), user: "server" });
  }
  chat_message(): void {}
  chat_typing(): void {}
}

test("send and on are typed by the message map, and talk to a JsonWebsocketConsumer on the real server", async () => {
  await using server = await startServer(Echo.asApp());
  const client = new ChannelsClient<ChatMessages>(server.wsUrl("/"), { WebSocket });
  const heard = new Promise<{ type: "chat.message"; text: string; user?: string }>((resolve) =>
    client.on("chat.message", (message) => resolve(message)),
  );
  expect(client.send("chat.message", { text: "hello" })).toBe(true);
  expect(await heard).toEqual({ type: "chat.message", text: "hello", user: "server" });
  const typing = new Promise<string>((resolve) => client.on("chat.typing", (message) => resolve(message.type)));
  client.send("chat.typing"); // a type with no keys needs no payload
  expect(await typing).toBe("chat.typing");
  client.close();
});

/** Compiled by `npm run typecheck`: each @ts-expect-error fails the build when the line type-checks. */
export function typeChecks(client: ChannelsClient<ChatMessages>): void {
  client.send("chat.message", { text: "ok" });
  // @ts-expect-error an unknown type
  client.send("chat.mesage", { text: "typo" });
  // @ts-expect-error a wrong payload
  client.send("chat.message", { text: 42 });
  // @ts-expect-error a missing key
  client.send("chat.message", {});
  // @ts-expect-error a payload is required when the type has required keys
  client.send("chat.message");
  client.on("chat.message", (message) => {
    const text: string = message.text;
    // @ts-expect-error no such key on this message
    void message.colour;
    void text;
  });
  // @ts-expect-error no handler for an undeclared type
  client.on("chat.leave", () => {});

  const typed = new ChannelsClient<
    ChatMessages,
    ChatMessages,
    { "room.join": { payload: { room: string }; reply: { members: string[] } } }
  >("ws://x", { autoConnect: false });
  const members: Promise<{ members: string[] }> = typed.request("room.join", { room: "lobby" }, { timeoutMs: 100 });
  void members;
  // @ts-expect-error a request type that is not declared
  void typed.request("room.part", { room: "lobby" });
  // @ts-expect-error a wrong request payload
  void typed.request("room.join", { room: 1 });
  const stream = client.stream<ChatMessages>("chat");
  stream.send("chat.message", { text: "on a stream" });
  // @ts-expect-error streams are typed too
  stream.send("chat.message", { body: "x" });
  const all: MessageOf<ChatMessages> = { type: "chat.message", text: "x" };
  void all;
}

// The client in Node against a real channels-ts server: typed messages, a request with a deadline,
// the lifecycle events, and a message marked as not sent. Run: npx tsx examples/client/chat-client.ts
import { ChannelsClient, ReplyError } from "@channels-ts/client";
import { InMemoryChannelLayer, JsonWebsocketConsumer, URLRouter, channelLayers, path } from "@channels-ts/core";
import { serve } from "@channels-ts/server";
import { WebSocket } from "ws";

// #region messages
/** One message map for both ends: the server's consumer declares it too. */
interface ChatMessages {
  "chat.message": { text: string; user: string };
}
interface ChatRequests {
  "room.count": { payload: Record<never, never>; reply: { members: number } };
}
// #endregion messages

channelLayers.configure({ default: () => new InMemoryChannelLayer() });

let members = 0;

/** Broadcasts chat messages to the room; answers `room.count` requests as the reply contract says. */
class Chat extends JsonWebsocketConsumer<ChatMessages> {
  override groups = ["lobby"];
  override async connect(): Promise<void> {
    members++;
    await this.accept();
  }
  override async disconnect(): Promise<void> {
    members--;
  }
  override async receiveJson(content: { type?: string; requestId?: number; text?: string }): Promise<void> {
    if (content.type === "room.count") {
      await this.sendJson({ type: "reply", requestId: content.requestId, ok: true, payload: { members } });
    } else if (content.requestId !== undefined) {
      const error = { code: "unknown_request", message: `no request ${content.type}` };
      await this.sendJson({ type: "reply", requestId: content.requestId, ok: false, error });
    } else {
      await this.groupSend("lobby", { type: "chat.message", text: String(content.text), user: "someone" });
    }
  }
  async chat_message(message: { type: "chat.message" } & ChatMessages["chat.message"]): Promise<void> {
    await this.sendJson(message);
  }
}

async function main(): Promise<void> {
  const server = await serve(URLRouter([path("chat/", Chat.asApp())]), {
    host: "127.0.0.1",
    port: 0,
    accessLog: false,
  });
  const url = `ws://127.0.0.1:${server.address.port}/chat/`;

  // #region client
  // In a browser, leave out the WebSocket option: the page's own WebSocket is used.
  const client = new ChannelsClient<ChatMessages, ChatMessages, ChatRequests>(url, { WebSocket, maxQueued: 50 });
  client.onEvent("reconnecting", ({ attempt, delayMs }) => console.log(`reconnecting (#${attempt}) in ${delayMs} ms`));
  client.onEvent("dropped", ({ message, reason }) => console.log(`not sent (${reason}):`, message));
  client.on("chat.message", ({ user, text }) => console.log(`${user}: ${text}`));

  client.send("chat.message", { text: "hello", user: "me" }); // queued until the socket opens
  await client.once("open");
  const { members: count } = await client.request("room.count", {}, { timeoutMs: 2000 });
  console.log(`${count} in the room`);
  // #endregion client

  // #region errors
  try {
    await (client as ChannelsClient).request("room.kick", { user: "bob" });
  } catch (error) {
    if (error instanceof ReplyError) console.log(`refused: ${error.code}`);
  }
  // #endregion errors

  client.close();
  await client.once("close");
  console.log(client.send("chat.message", { text: "too late", user: "me" }));
  await server.close();
}
void main();

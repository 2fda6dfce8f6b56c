import { ChannelsClient } from "@channels-ts/client";
import { JsonWebsocketConsumer } from "@channels-ts/core";
import { startServer } from "@channels-ts/test-fixtures";
import { WebSocket } from "ws";
import { ManualTimers } from "./manual-timers";

class Echo extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson(content);
  }
}

test("a graceful shutdown of the real server (1001) is followed by a reconnect to its successor on the same port", async () => {
  const first = await startServer(Echo.asApp());
  const port = first.address.port;
  const timers = new ManualTimers();
  const client = new ChannelsClient(first.wsUrl("/"), { WebSocket, timers, jitter: 0 });
  const heard: string[] = [];
  client.on("chat.message", (message) => heard.push(String(message["text"])));
  await client.once("open");
  const closed = client.once("close");
  const reconnecting = client.once("reconnecting");
  await first.close();
  expect(await closed).toMatchObject({ code: 1001, willReconnect: true });
  expect(await reconnecting).toEqual({ attempt: 1, delayMs: 500 });
  expect(client.send("chat.message", { text: "sent while down" })).toBe(true);

  await using second = await startServer(Echo.asApp(), { port });
  const echoed = new Promise<void>((resolve) => client.on("chat.message", () => resolve()));
  const reconnected = client.once("reconnected");
  timers.fire(500);
  expect(await reconnected).toEqual({ attempts: 1 });
  await echoed;
  expect(heard).toEqual(["sent while down"]);
  expect(second.address.port).toBe(port);
  client.close();
});

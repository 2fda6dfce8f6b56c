import { InMemoryChannelLayer, JsonWebsocketConsumer, channelLayers } from "@channels-ts/core";
import { closeAll, closed, openWs, start, terminateClients, wsUrl } from "./helpers";

afterEach(async () => {
  terminateClients();
  await closeAll();
});

class Json extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson(content);
  }
}

test.each([
  ["text that is not JSON", "{oops", 1007],
  ["a binary frame", Buffer.from([1]), 1003],
])("a JSON consumer given %s closes that socket with its RFC 6455 code", async (_what, frame, code) => {
  const layer = new InMemoryChannelLayer();
  const previous = channelLayers.set("default", layer);
  try {
    const server = await start(Json.asApp());
    const ws = await openWs(wsUrl(server, "/"));
    const closing = closed(ws);
    ws.send(frame);
    expect((await closing).code).toBe(code);
  } finally {
    channelLayers.set("default", previous);
    await layer.close();
  }
});

test.each([1001, 1008, 1011, 4000])("an application may close with %i", async (code) => {
  const server = await start(async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    await send({ type: "websocket.close", code });
  });
  const ws = await openWs(wsUrl(server, "/"));
  expect((await closed(ws)).code).toBe(code);
});

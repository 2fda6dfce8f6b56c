import { InMemoryChannelLayer, JsonWebsocketConsumer } from "@channels-ts/core";
import { closed, installChannelLayer, startServer } from "@channels-ts/test-fixtures";

class Json extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson(content);
  }
}

test.each([
  ["text that is not JSON", "{oops", 1007],
  ["a binary frame", Buffer.from([1]), 1003],
])("a JSON consumer given %s closes that socket with its RFC 6455 code", async (_what, frame, code) => {
  await using _layer = installChannelLayer(new InMemoryChannelLayer());
  await using server = await startServer(Json.asApp());
  const ws = await server.openWs("/");
  const closing = closed(ws);
  ws.send(frame);
  expect((await closing).code).toBe(code);
});

test.each([1001, 1008, 1011, 4000])("an application may close with %i", async (code) => {
  await using server = await startServer(async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    await send({ type: "websocket.close", code });
  });
  const ws = await server.openWs("/");
  expect((await closed(ws)).code).toBe(code);
});

import type { Message } from "@channels-ts/core";
import { deferred, startServer } from "@channels-ts/test-fixtures";

test("a client that does not read is closed with 1013 once maxBufferedBytes is queued", async () => {
  const disconnect = deferred<Message>();
  const chunk = Buffer.alloc(256 * 1024);
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      await receive(); // "go"
      // Far more than any socket buffer holds; sends past the limit are dropped, not queued.
      for (let i = 0; i < 400; i++) await send({ type: "websocket.send", bytes: chunk });
      for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect") return disconnect.resolve(message);
      }
    },
    { maxBufferedBytes: 1024 * 1024, closeTimeoutMs: 100 },
  );
  const ws = await server.openWs("/");
  ws.pause();
  ws.send("go");
  const message = await disconnect.promise;
  expect(message.code).toBe(1013);
});

import type { Message } from "@channels-ts/core";
import { deferred, recordingLogger, startServer } from "@channels-ts/test-fixtures";

test("websocket.close before accept refuses the handshake with 403, and the application still gets its disconnect", async () => {
  const disconnect = deferred<Message>();
  const logger = recordingLogger();
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      expect(await receive()).toEqual({ type: "websocket.connect" });
      await send({ type: "websocket.close", code: 4003 });
      disconnect.resolve(await receive());
    },
    { logger },
  );
  expect(await server.refusal("/private/")).toBe(403);
  expect(await disconnect.promise).toMatchObject({ type: "websocket.disconnect", code: 1006 });
  const lines = logger.entries.map((e) => e.msg);
  expect(lines.some((l) => l.includes('"WSCONNECTING /private/"'))).toBe(true);
  // With the status, as the refusals the server makes itself ("WSREJECT /p" 503 -).
  expect(lines.filter((l) => l.includes('"WSREJECT /private/"'))).toEqual([
    expect.stringMatching(/"WSREJECT \/private\/" 403 -$/),
  ]);
  expect(lines.some((l) => l.includes('WSCONNECT /private/"'))).toBe(false);
});

test("an application that neither accepts nor closes within acceptTimeoutMs is refused", async () => {
  const disconnect = deferred<Message>();
  const logger = recordingLogger();
  await using server = await startServer(
    async (scope, receive) => {
      if (scope.type !== "websocket") return;
      await receive();
      disconnect.resolve(await receive());
    },
    { acceptTimeoutMs: 50, logger },
  );
  expect(await server.refusal("/slow/")).toBe(403);
  expect(await disconnect.promise).toMatchObject({ type: "websocket.disconnect", code: 1006 });
  expect(logger.entries.filter((e) => e.msg.includes('"WSREJECT /slow/"')).map((e) => e.msg)).toEqual([
    expect.stringMatching(/"WSREJECT \/slow\/" 403 -$/),
  ]);
});

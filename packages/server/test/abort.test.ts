import type { Message } from "@channels-ts/core";
import { acceptingApp, deferred, recordingLogger, startServer } from "@channels-ts/test-fixtures";

test("a client whose TCP connection is destroyed yields websocket.disconnect 1006, exactly once", async () => {
  const app = acceptingApp();
  const logger = recordingLogger();
  await using server = await startServer(app, { logger });
  const ws = await server.openWs("/room/1/");
  ws.send("hello");
  ws.once("message", () => undefined);
  await logger.waitFor((e) => e.msg.includes('"WSCONNECT /room/1/"'));
  // Destroy the raw socket: no close frame, as when a client's network drops.
  (ws as unknown as { _socket: { destroy(): void } })._socket.destroy();
  await app.disconnected;
  await server.close();
  expect(app.messages.filter((m) => m.type === "websocket.disconnect")).toEqual([
    { type: "websocket.disconnect", code: 1006 },
  ]);
  expect(app.messages[0]).toEqual({ type: "websocket.receive", text: "hello" });
  expect(logger.entries.filter((e) => e.msg.includes('"WSDISCONNECT /room/1/"'))).toHaveLength(1);
});

test("a client that leaves during the handshake (before accept) yields one disconnect 1006", async () => {
  const connected = deferred<() => Promise<void>>();
  const messages: Message[] = [];
  const done = deferred();
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    messages.push(await receive());
    const accept = deferred();
    connected.resolve(async () => accept.resolve());
    messages.push(await receive());
    await accept.promise;
    await send({ type: "websocket.accept" }); // too late: ignored, not an error
    done.resolve();
  });
  const client = server.openWs("/");
  client.catch(() => undefined);
  const releaseAccept = await connected.promise;
  server.terminateClients();
  await expect(client).rejects.toThrow();
  await releaseAccept();
  await done.promise;
  expect(messages).toEqual([{ type: "websocket.connect" }, { type: "websocket.disconnect", code: 1006 }]);
});

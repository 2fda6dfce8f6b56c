import { drops, type DropEvent, type Message } from "@channels-ts/core";
import { deferred, recordingLogger, startServer } from "@channels-ts/test-fixtures";

/** The server's drops reported to the process hook during `run`. */
async function serverDrops(run: () => Promise<void>): Promise<DropEvent[]> {
  const seen: DropEvent[] = [];
  const stop = drops.onDrop((event) => {
    if (event.origin === "server") seen.push(event);
  });
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

test("a client closed for being too slow counts one 'client too slow' at the close, and one per frame sent after", async () => {
  const logger = recordingLogger();
  const disconnect = deferred<Message>();
  const chunk = Buffer.alloc(256 * 1024);
  let sends = 0;
  const seen = await serverDrops(async () => {
    await using server = await startServer(
      async (scope, receive, send) => {
        if (scope.type !== "websocket") return;
        await receive();
        await send({ type: "websocket.accept" });
        await receive(); // "go"
        for (; sends < 40; sends++) await send({ type: "websocket.send", bytes: chunk });
        for (;;) {
          const message = await receive();
          if (message.type === "websocket.disconnect") return disconnect.resolve(message);
        }
      },
      { maxBufferedBytes: 1024 * 1024, closeTimeoutMs: 100, logger },
    );
    const ws = await server.openWs("/");
    ws.pause();
    ws.send("go");
    expect((await disconnect.promise).code).toBe(1013);
  });
  const slow = seen.filter((event) => event.reason === "client too slow");
  // The close, then every later frame: 40 sends, of which the first few (up to the limit) went out.
  expect(slow.length).toBeGreaterThan(1);
  expect(slow.length).toBeLessThan(40);
  expect(slow[0]?.detail).toMatch(/^WebSocket \/ from 127\.0\.0\.1:\d+ with \d+ bytes queued$/);
  expect(slow.every((event) => event.count === 1)).toBe(true);
  // Logged at a rate-limited pace: one line now (the rest when the server closes), not one per frame.
  const lines = logger.entries.filter((e) => e.level === "warn" && e.msg.startsWith("server: dropped"));
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(lines[0]?.msg).toMatch(/^server: dropped 1 client too slow/);
});

test("a frame the application sends after the server closed it for shutdown counts 'shutting down'", async () => {
  const seen = await serverDrops(async () => {
    await using server = await startServer(async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      while ((await receive()).type !== "websocket.disconnect");
      // Too late: the server is shutting down and the socket is closed.
      await send({ type: "websocket.send", text: "goodbye" });
    });
    const ws = await server.openWs("/");
    const wsClosed = new Promise<number>((resolve) => ws.once("close", resolve));
    await server.close();
    expect(await wsClosed).toBe(1001);
  });
  expect(seen).toEqual([expect.objectContaining({ origin: "server", reason: "shutting down", count: 1 }) as DropEvent]);
});

test("a frame sent after the client itself left is not a drop (nobody is there to lose it)", async () => {
  const done = deferred();
  const seen = await serverDrops(async () => {
    await using server = await startServer(async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      while ((await receive()).type !== "websocket.disconnect");
      await send({ type: "websocket.send", text: "to nobody" });
      done.resolve();
    });
    const ws = await server.openWs("/");
    ws.close(1000);
    await done.promise;
  });
  expect(seen).toEqual([]);
});

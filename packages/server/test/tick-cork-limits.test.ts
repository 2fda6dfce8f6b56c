import type { Message } from "@channels-ts/core";
import { deferred, startServer } from "@channels-ts/test-fixtures";

// A tick's writes to one socket are corked until the end of the tick; these are the two ways that
// could change what an application sees, each pinned by a test.

test("a client that reads is not closed for a burst larger than maxBufferedBytes sent in one tick", async () => {
  const finished = deferred<Message>();
  const chunk = Buffer.alloc(256 * 1024);
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      await receive(); // "go"
      // 2 MiB without yielding to the event loop, against a 1 MiB limit: each send resolves at once.
      for (let i = 0; i < 8; i++) await send({ type: "websocket.send", bytes: chunk });
      await send({ type: "websocket.send", text: "done" });
      for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect") return finished.resolve(message);
      }
    },
    { maxBufferedBytes: 1024 * 1024 },
  );
  const ws = await server.openWs("/");
  let binary = 0;
  const done = new Promise<void>((resolve, reject) => {
    ws.on("message", (data, isBinary) => {
      if (isBinary) binary++;
      else if (String(data) === "done") resolve();
    });
    ws.once("close", (code) => reject(new Error(`closed with ${code} after ${binary} messages`)));
  });
  ws.send("go");
  await done;
  expect(binary).toBe(8);
  ws.close(1000);
  expect((await finished.promise).code).toBe(1000);
});

test("bytes the application changes after send() resolves are sent as they were, however large", async () => {
  const buffer = Buffer.alloc(100 * 1024);
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    for (const fill of [1, 2, 3]) {
      buffer.fill(fill);
      await send({ type: "websocket.send", bytes: buffer });
    }
    const small = Buffer.from([7]);
    await send({ type: "websocket.send", bytes: small });
    small[0] = 8;
    await send({ type: "websocket.send", bytes: small });
    await receive();
  });
  const ws = await server.openWs("/");
  const firstBytes = await new Promise<number[]>((resolve) => {
    const seen: number[] = [];
    ws.on("message", (data: Buffer) => {
      seen.push(data[0]!, data[data.length - 1]!);
      if (seen.length === 10) resolve(seen);
    });
  });
  expect(firstBytes).toEqual([1, 1, 2, 2, 3, 3, 7, 7, 8, 8]);
  ws.close();
});

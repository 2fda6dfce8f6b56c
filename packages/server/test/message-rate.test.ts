import { drops, type Application, type DropEvent, type Message } from "@channels-ts/core";
import { closed, deferred, nextFrame, recordingLogger, startServer } from "@channels-ts/test-fixtures";

/** Echoes every text and records it in `received` (per path); `disconnects` gets each connection's websocket.disconnect. */
function echo(): { app: Application; disconnects: Array<Promise<Message>>; received: Map<string, string[]> } {
  const disconnects: Array<Promise<Message>> = [];
  const received = new Map<string, string[]>();
  const app: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    const disconnect = deferred<Message>();
    disconnects.push(disconnect.promise);
    const texts: string[] = [];
    received.set(String(scope.path), texts);
    await receive();
    await send({ type: "websocket.accept" });
    for (;;) {
      const message = await receive();
      if (message.type === "websocket.disconnect") return disconnect.resolve(message);
      texts.push(String(message.text));
      await send({ type: "websocket.send", text: String(message.text) });
    }
  };
  return { app, disconnects, received };
}

function serverDrops(): { seen: DropEvent[]; stop: () => void } {
  const seen: DropEvent[] = [];
  const stop = drops.onDrop((event) => {
    if (event.origin === "server") seen.push(event);
  });
  return { seen, stop };
}

test("a client past maxMessagesPerSecond and its burst is closed with 1008 'rate limited', one drop reported; another client is served", async () => {
  const logger = recordingLogger();
  const { app, disconnects, received } = echo();
  const { seen, stop } = serverDrops();
  try {
    await using server = await startServer(app, { maxMessagesPerSecond: 1, maxMessageBurst: 5, logger });
    const flooder = await server.openWs("/flood/");
    const polite = await server.openWs("/polite/");
    const flooderClosed = closed(flooder);
    for (let i = 0; i < 20; i++) flooder.send(`m${i}`);
    const { code, reason } = await flooderClosed;
    expect(code).toBe(1008);
    expect(reason).toBe("rate limited");
    expect((await disconnects[0])?.code).toBe(1008);
    // The burst reached the application; the sixth message and what followed it did not.
    expect(received.get("/flood/")).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    const limited = seen.filter((event) => event.reason === "rate limited");
    expect(limited).toHaveLength(1);
    expect(limited[0]?.detail).toMatch(
      /^WebSocket \/flood\/ from 127\.0\.0\.1:\d+ over maxMessagesPerSecond 1 \(maxMessageBurst 5\); closed with 1008$/,
    );
    expect(logger.entries.some((e) => e.level === "warn" && /^server: dropped 1 rate limited/.test(e.msg))).toBe(true);
    // The other client, within its own bucket, is untouched.
    polite.send("hello");
    expect(String(await nextFrame(polite))).toBe("hello");
  } finally {
    stop();
  }
});

test("maxMessageBurst 0 is no burst (as 1), not no limit: the second message at once closes with 1008", async () => {
  const { app, received } = echo();
  await using server = await startServer(app, { maxMessagesPerSecond: 1, maxMessageBurst: 0 });
  const ws = await server.openWs("/strict/");
  let echoed = 0;
  const allEchoed = deferred<string>();
  ws.on("message", () => {
    if (++echoed === 20) allEchoed.resolve("all 20 echoed");
  });
  const end = Promise.race([closed(ws).then(({ code }) => code), allEchoed.promise]);
  for (let i = 0; i < 20; i++) ws.send(`m${i}`);
  expect(await end).toBe(1008);
  expect(received.get("/strict/")).toEqual(["m0"]);
});

test.each([0, Number.POSITIVE_INFINITY])(
  "maxMessagesPerSecond %p turns the limit off: a burst of 2000 passes",
  async (rate) => {
    const { app } = echo();
    await using server = await startServer(app, { maxMessagesPerSecond: rate, maxMessageBurst: 1 });
    const ws = await server.openWs("/");
    const all = deferred<void>();
    let count = 0;
    ws.on("message", () => {
      if (++count === 2000) all.resolve();
    });
    for (let i = 0; i < 2000; i++) ws.send(String(i));
    await all.promise;
    expect(count).toBe(2000);
  },
);

test("the defaults (200/s, burst 500) let a burst of 500 through and close at the 501st-odd message", async () => {
  const { app, disconnects, received } = echo();
  await using server = await startServer(app);
  const ws = await server.openWs("/");
  const wsClosed = closed(ws);
  for (let i = 0; i < 1000; i++) ws.send(String(i));
  expect((await wsClosed).code).toBe(1008);
  expect((await disconnects[0])?.code).toBe(1008);
  // 500 at once, plus the few that the refill (200/s) allows while the burst is read.
  const count = received.get("/")?.length ?? 0;
  expect(count).toBeGreaterThanOrEqual(500);
  expect(count).toBeLessThan(600);
});

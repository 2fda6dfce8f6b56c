import WebSocket from "ws";
import type { Application, Message } from "@channels-ts/core";
import { closed, deferred, startServer } from "@channels-ts/test-fixtures";

let pauses: jest.SpyInstance;
let resumes: jest.SpyInstance;
let paused = deferred();

beforeEach(() => {
  paused = deferred();
  // The only test hook: notice when the server stops reading a socket (ws's own pause()).
  const pause = WebSocket.prototype.pause;
  pauses = jest.spyOn(WebSocket.prototype, "pause").mockImplementation(function (this: WebSocket) {
    pause.call(this);
    paused.resolve();
  });
  resumes = jest.spyOn(WebSocket.prototype, "resume");
});

afterEach(async () => {
  jest.restoreAllMocks();
});

const COUNT = 300;

/** Accepts, then reads nothing until `gate` opens; then records every event up to the disconnect (or `stopAt` events). */
function slowReader(gate: Promise<void>, seen: Message[], done: () => void, stopAt = COUNT): Application {
  return async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    await gate;
    for (;;) {
      const message = await receive();
      seen.push(message);
      if (message.type === "websocket.disconnect" || seen.length === stopAt) break;
    }
    done();
  };
}

test("a client sending faster than its application reads is paused at maxQueuedMessages, and no frame is lost", async () => {
  const gate = deferred();
  const finished = deferred();
  const seen: Message[] = [];
  await using server = await startServer(slowReader(gate.promise, seen, finished.resolve), { maxQueuedMessages: 8 });
  const ws = await server.openWs("/");
  for (let i = 0; i < COUNT; i++) ws.send(`m${i}`);
  await paused.promise; // the application has read nothing, so only the limit can have paused it
  expect(seen).toEqual([]);
  gate.resolve();
  await finished.promise;
  expect(seen.map((m) => m.text)).toEqual(Array.from({ length: COUNT }, (_, i) => `m${i}`));
  expect(resumes).toHaveBeenCalled();
});

test("the default limit (64) pauses too", async () => {
  const gate = deferred();
  const finished = deferred();
  const seen: Message[] = [];
  await using server = await startServer(slowReader(gate.promise, seen, finished.resolve));
  const ws = await server.openWs("/");
  for (let i = 0; i < COUNT; i++) ws.send(`m${i}`);
  await paused.promise;
  gate.resolve();
  await finished.promise;
  expect(seen).toHaveLength(COUNT);
  expect(pauses.mock.calls.length).toBeGreaterThan(0);
});

test("a paused connection still closes cleanly on shutdown: the application hears 1001 after what was queued", async () => {
  const gate = deferred();
  const finished = deferred();
  const seen: Message[] = [];
  // With a close timeout this long, only reading the peer's close frame can end the connection in time.
  await using server = await startServer(slowReader(gate.promise, seen, finished.resolve, Infinity), {
    maxQueuedMessages: 4,
    closeTimeoutMs: 60_000,
  });
  const ws = await server.openWs("/");
  for (let i = 0; i < COUNT; i++) ws.send(`m${i}`);
  await paused.promise;
  const clientEnd = closed(ws);
  const closing = server.close();
  expect((await clientEnd).code).toBe(1001);
  gate.resolve();
  await finished.promise;
  await closing;
  const last = seen.pop();
  expect(last).toMatchObject({ type: "websocket.disconnect", code: 1001 });
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.map((m) => m.text)).toEqual(Array.from({ length: seen.length }, (_, i) => `m${i}`));
});

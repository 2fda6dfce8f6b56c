import { ProtocolError, type Application, type Message } from "@channels-ts/core";
import {
  closed,
  deferred,
  echoApp,
  fetchText,
  nextFrame,
  recordingLogger,
  startServer,
} from "@channels-ts/test-fixtures";

const echo = echoApp();

/** `/boom` throws (at once for HTTP, on the first frame for WebSockets); everything else echoes. */
const app: Application = async (scope, receive, send) => {
  if (scope.type === "http") {
    if (scope.path === "/boom") throw new Error("kaboom");
    if (scope.path === "/silent") return;
    if (scope.path === "/started") {
      await send({ type: "http.response.start", status: 200, headers: [] });
      throw new Error("failed before the first body chunk");
    }
    if (scope.path === "/bad-header") {
      await send({ type: "http.response.start", status: 200, headers: [["x-a", "v\r\nInjected: 1"]] });
      await send({ type: "http.response.body", body: Buffer.from("never") });
      return;
    }
    if (scope.path === "/half") {
      await send({ type: "http.response.start", status: 200, headers: [] });
      await send({ type: "http.response.body", body: Buffer.from("partial"), more_body: true });
      throw new Error("failed mid-stream");
    }
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("fine") });
    return;
  }
  if (scope.type !== "websocket") return;
  if (scope.path === "/refuse-boom") throw new Error("before accept");
  if (scope.path !== "/boom") return echo(scope, receive, send);
  await receive();
  await send({ type: "websocket.accept" });
  for (;;) {
    const message: Message = await receive();
    if (message.type === "websocket.disconnect") return;
    throw new Error("kaboom in a frame handler");
  }
};

test("an exception before the response answers 500, logged with its stack; other connections carry on", async () => {
  const logger = recordingLogger();
  await using server = await startServer(app, { logger });
  const live = await server.openWs("/live");
  expect((await fetchText(`${server.url}/boom`)).status).toBe(500);
  const error = logger.entries.find((e) => e.level === "error");
  expect(error?.msg).toContain("/boom");
  expect(((error?.obj as { err: Error }).err as Error).stack).toContain("kaboom");
  const reply = nextFrame(live);
  live.send("still here");
  expect(await reply).toBe("echo:still here");
  expect((await fetchText(`${server.url}/ok`)).body).toBe("fine");
});

test("an application that returns without responding gets a 500", async () => {
  await using server = await startServer(app);
  expect((await fetchText(`${server.url}/silent`)).status).toBe(500);
});

test("an exception after http.response.start but before any body still answers 500 (nothing was on the wire yet)", async () => {
  await using server = await startServer(app);
  const reply = await fetchText(`${server.url}/started`);
  expect(reply.status).toBe(500);
  expect(reply.body).toBe("500 Internal Server Error\n");
});

test("a response header with CR LF is a ProtocolError naming it, and the client gets a 500, not a smuggled header", async () => {
  const logger = recordingLogger();
  await using server = await startServer(app, { logger });
  const reply = await fetchText(`${server.url}/bad-header`);
  expect(reply.status).toBe(500);
  expect(reply.headers.injected).toBeUndefined();
  const err = (logger.entries.find((e) => e.level === "error")?.obj as { err?: Error } | undefined)?.err;
  expect(err).toBeInstanceOf(ProtocolError);
  expect(err?.message).toContain('"x-a"');
});

test("an exception after the response started aborts that response", async () => {
  await using server = await startServer(app);
  await expect(fetchText(`${server.url}/half`)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
});

test("an exception in a WebSocket application closes that connection with 1011 only", async () => {
  const logger = recordingLogger();
  await using server = await startServer(app, { logger });
  const live = await server.openWs("/live");
  const doomed = await server.openWs("/boom");
  const end = closed(doomed);
  doomed.send("trigger");
  expect((await end).code).toBe(1011);
  expect(logger.entries.some((e) => e.level === "error" && e.msg.includes("/boom"))).toBe(true);
  const reply = nextFrame(live);
  live.send("ping");
  expect(await reply).toBe("echo:ping");
});

test("an exception before accept refuses the handshake with 500", async () => {
  await using server = await startServer(app);
  expect(await server.refusal("/refuse-boom")).toBe(500);
});

test("no unhandled rejection escapes from a failing application", async () => {
  const unhandled = jest.fn();
  process.on("unhandledRejection", unhandled);
  try {
    await using server = await startServer(app);
    expect((await fetchText(`${server.url}/boom`)).status).toBe(500);
    const ws = await server.openWs("/boom");
    const end = closed(ws);
    ws.send("x");
    await end;
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off("unhandledRejection", unhandled);
  }
});

test("the disconnect after a server-side close is delivered once", async () => {
  const disconnects: Message[] = [];
  const done = deferred();
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    await send({ type: "websocket.close", code: 4000, reason: "bye" });
    await send({ type: "websocket.send", text: "dropped after close" });
    disconnects.push(await receive());
    done.resolve();
  });
  const ws = await server.openWs("/");
  expect(await closed(ws)).toEqual({ code: 4000, reason: "bye" });
  await done.promise;
  expect(disconnects).toEqual([{ type: "websocket.disconnect", code: 4000, reason: "bye" }]);
});

import { get, request } from "node:http";
import type { Application, Message } from "@channels-ts/core";
import { closed, deferred, recordingLogger, startServer } from "@channels-ts/test-fixtures";

test("close() sends 1001 to every client, runs every disconnect handler exactly once, then resolves", async () => {
  const handlerRuns = new Map<string, number>();
  const handlerFinished: string[] = [];
  const app: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    for (;;) {
      const message = await receive();
      if (message.type !== "websocket.disconnect") continue;
      const id = scope.path as string;
      handlerRuns.set(id, (handlerRuns.get(id) ?? 0) + 1);
      expect(message.code).toBe(1001);
      // A disconnect handler that takes a moment (leaving groups, saving state) is waited for.
      await new Promise((resolve) => setImmediate(resolve));
      handlerFinished.push(id);
      return;
    }
  };
  await using server = await startServer(app);
  const clients = await Promise.all(["/a", "/b", "/c"].map((p) => server.openWs(p)));
  const codes = Promise.all(clients.map((ws) => closed(ws)));
  await server.close();
  expect((await codes).map((c) => c.code)).toEqual([1001, 1001, 1001]);
  expect([...handlerRuns.entries()].sort()).toEqual([
    ["/a", 1],
    ["/b", 1],
    ["/c", 1],
  ]);
  expect(handlerFinished.sort()).toEqual(["/a", "/b", "/c"]);
  expect(server.server.listening).toBe(false);
});

test("close() lets an HTTP request in flight finish, then ends its connection", async () => {
  const inFlight = deferred();
  const finish = deferred();
  await using server = await startServer(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    inFlight.resolve();
    await finish.promise;
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("finished") });
  });
  const reply = new Promise<{ body: string; connection: string | undefined }>((resolve, reject) => {
    request(`${server.url}/`, { agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ body, connection: res.headers.connection }));
    })
      .on("error", reject)
      .end();
  });
  await inFlight.promise;
  const closing = server.close();
  finish.resolve();
  expect(await reply).toEqual({ body: "finished", connection: "close" });
  await closing;
});

test("close() gives up on an application that ignores its disconnect after shutdownTimeoutMs", async () => {
  const logger = recordingLogger();
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      await new Promise(() => undefined); // never reads its disconnect
    },
    { logger, shutdownTimeoutMs: 50, applicationCloseTimeoutMs: 50 },
  );
  const ws = await server.openWs("/stuck");
  const end = closed(ws);
  await server.close();
  expect((await end).code).toBe(1001);
  expect(logger.entries.some((e) => e.level === "warn" && e.msg.includes("still running"))).toBe(true);
});

test("close() ends a streaming response (server-sent events): the application hears http.disconnect, the client sees the end", async () => {
  const heard = deferred<Message>();
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type !== "http") return;
      await receive(); // http.request (no body)
      await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/event-stream"]] });
      await send({ type: "http.response.body", body: Buffer.from("data: hello\n\n"), more_body: true });
      heard.resolve(await receive()); // an idle event stream: nothing ends it but the client or the server
      await send({ type: "http.response.body", body: Buffer.from("data: dropped\n\n"), more_body: true });
    },
    // Far longer than the test may run: close() must not wait for this deadline.
    { shutdownTimeoutMs: 60_000 },
  );
  const firstEvent = deferred();
  const response = new Promise<string>((resolve, reject) => {
    get(`${server.url}/events`, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
        firstEvent.resolve();
      });
      res.on("end", () => resolve(body));
      res.on("error", reject);
    }).on("error", reject);
  });
  await firstEvent.promise;
  await server.close();
  expect(await heard.promise).toEqual({ type: "http.disconnect" });
  expect(await response).toBe("data: hello\n\n");
});

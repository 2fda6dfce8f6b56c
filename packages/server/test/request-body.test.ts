import { request } from "node:http";
import type { Message } from "@channels-ts/core";
import { deferred, fetchText, startServer } from "@channels-ts/test-fixtures";

test("the request body reaches the application in http.request chunks as it arrives, ending with more_body false", async () => {
  const firstChunk = deferred();
  const messages: Message[] = [];
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    let total = 0;
    for (;;) {
      const message = await receive();
      messages.push(message);
      if (message.type !== "http.request") return;
      total += (message.body as Uint8Array).length;
      firstChunk.resolve();
      if (message.more_body !== true) break;
    }
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
    await send({ type: "http.response.body", body: Buffer.from(String(total)) });
  });

  const part = Buffer.alloc(64 * 1024, 0x61);
  const reply = new Promise<string>((resolve, reject) => {
    const req = request(`${server.url}/upload`, { method: "POST", agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.write(part);
    // The rest is only sent once the application has seen the start: the body is streamed, not buffered.
    void firstChunk.promise.then(() => req.end(part));
  });
  expect(await reply).toBe(String(2 * part.length));
  expect(messages.length).toBeGreaterThan(1);
  for (const m of messages.slice(0, -1)) expect(m).toMatchObject({ type: "http.request", more_body: true });
  expect(messages[messages.length - 1]).toMatchObject({ type: "http.request", more_body: false });
  expect(messages.every((m) => m.body instanceof Uint8Array)).toBe(true);
});

test("a request without a body is one http.request with an empty body and more_body false", async () => {
  const seen = deferred<Message>();
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    seen.resolve(await receive());
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("done") });
  });
  expect((await fetchText(`${server.url}/`)).body).toBe("done");
  const message = await seen.promise;
  expect(message).toMatchObject({ type: "http.request", more_body: false });
  expect((message.body as Uint8Array).length).toBe(0);
});

test("keep-alive survives a response sent before the whole body was read", async () => {
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    await receive(); // only the first chunk
    await send({ type: "http.response.start", status: 413, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("too big") });
  });
  const { Agent } = await import("node:http");
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(`${server.url}/`, { method: "POST", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(Buffer.alloc(200 * 1024));
    });
  expect(await post()).toBe(413);
  expect(await post()).toBe(413);
  agent.destroy();
});

import { get } from "node:http";
import { deferred, startServer } from "@channels-ts/test-fixtures";

test("server-sent events: each http.response.body chunk reaches the client before the response ends", async () => {
  const next = [deferred(), deferred()];
  await using server = await startServer(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({
      type: "http.response.start",
      status: 200,
      headers: [
        ["content-type", "text/event-stream"],
        ["cache-control", "no-cache"],
      ],
    });
    await send({ type: "http.response.body", body: new Uint8Array(0), more_body: true });
    for (const [i, gate] of next.entries()) {
      await send({ type: "http.response.body", body: Buffer.from(`data: event ${i}\n\n`), more_body: true });
      await gate.promise; // the client has to see this event before the next is even produced
    }
    await send({ type: "http.response.body", body: Buffer.from("data: bye\n\n") });
  });

  const received: string[] = [];
  const ended = new Promise<{ status: number; type: string | undefined }>((resolve, reject) => {
    get(`${server.url}/events`, { agent: false }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        received.push(chunk);
        const i = received.join("").split("\n\n").length - 2;
        next[i]?.resolve();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"] }));
    }).on("error", reject);
  });
  expect(await ended).toEqual({ status: 200, type: "text/event-stream" });
  expect(received.join("")).toBe("data: event 0\n\ndata: event 1\n\ndata: bye\n\n");
});

test("headers of a streaming response can repeat (two set-cookie headers)", async () => {
  await using server = await startServer(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({
      type: "http.response.start",
      status: 201,
      headers: [
        ["set-cookie", "a=1"],
        ["set-cookie", "b=2"],
      ],
    });
    await send({ type: "http.response.body", body: Buffer.from("x"), more_body: true });
    await send({ type: "http.response.body", body: Buffer.from("y") });
  });
  const reply = await new Promise<{ cookies: string[] | undefined; body: string }>((resolve, reject) => {
    get(`${server.url}/`, { agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ cookies: res.headers["set-cookie"], body }));
    }).on("error", reject);
  });
  expect(reply).toEqual({ cookies: ["a=1", "b=2"], body: "xy" });
});

import { createConnection } from "node:net";
import type { Application, Scope } from "@channels-ts/core";
import { deferred, fetchText, startServer } from "@channels-ts/test-fixtures";

/** Captures the first http/websocket scope it is given and answers minimally. */
function capture(): { app: Application; scope: Promise<Scope> } {
  const seen = deferred<Scope>();
  const app: Application = async (scope, receive, send) => {
    if (scope.type === "http") {
      seen.resolve(scope);
      await send({ type: "http.response.start", status: 204, headers: [] });
      await send({ type: "http.response.body", body: new Uint8Array(0) });
    } else if (scope.type === "websocket") {
      seen.resolve(scope);
      await receive();
      await send({ type: "websocket.accept", subprotocol: (scope.subprotocols as string[])[0] });
    }
  };
  return { app, scope: seen.promise };
}

/** Sends a request with exact header bytes, which node:http's client would normalise. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, "127.0.0.1", () => socket.write(text));
    let reply = "";
    socket.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("\r\n\r\n")) socket.end();
    });
    socket.on("close", () => resolve(reply));
    socket.on("error", reject);
  });
}

test("http scope: method, paths, raw query string, root_path, headers in arrival order, client and server", async () => {
  const { app, scope } = capture();
  await using server = await startServer(app, { rootPath: "/prefix" });
  const reply = await rawRequest(
    server.address.port,
    "PATCH /caf%C3%A9/a%20b%2Fc?x=1&y=%20z&x=2 HTTP/1.1\r\n" +
      "Host: example.test\r\n" +
      "X-Custom: one\r\n" +
      "Accept: */*\r\n" +
      "x-custom: two\r\n" +
      "Content-Length: 0\r\n\r\n",
  );
  expect(reply.startsWith("HTTP/1.1 204")).toBe(true);
  const s = await scope;
  expect(s).toMatchObject({
    type: "http",
    asgi: { version: "3.0" },
    http_version: "1.1",
    method: "PATCH",
    scheme: "http",
    path: "/café/a b/c",
    query_string: "x=1&y=%20z&x=2",
    root_path: "/prefix",
  });
  expect(Buffer.from(s.raw_path as Uint8Array).toString("latin1")).toBe("/caf%C3%A9/a%20b%2Fc");
  expect(s.headers).toEqual([
    ["host", "example.test"],
    ["x-custom", "one"],
    ["accept", "*/*"],
    ["x-custom", "two"],
    ["content-length", "0"],
  ]);
  const client = s.client as [string, number];
  expect(client[0]).toMatch(/127\.0\.0\.1$/);
  expect(client[1]).toBeGreaterThan(0);
  expect(s.server).toEqual([expect.stringMatching(/127\.0\.0\.1$/), server.address.port]);
});

test("a malformed percent escape does not break the request; it stays as written", async () => {
  const { app, scope } = capture();
  await using server = await startServer(app);
  await fetchText(`${server.url}/bad%zz/%E9`);
  expect((await scope).path).toBe("/bad%zz/\uFFFD");
});

test("websocket scope: ws scheme, decoded path, query string and offered subprotocols", async () => {
  const { app, scope } = capture();
  await using server = await startServer(app);
  await server.openWs(`/room/%C3%A9t%C3%A9/?token=a%2Bb`, ["chat.v2", "chat.v1"], {
    headers: { "X-Trace": "abc" },
  });
  const s = await scope;
  expect(s).toMatchObject({
    type: "websocket",
    scheme: "ws",
    path: "/room/été/",
    query_string: "token=a%2Bb",
    root_path: "",
    subprotocols: ["chat.v2", "chat.v1"],
  });
  const headers = s.headers as Array<[string, string]>;
  expect(headers).toContainEqual(["x-trace", "abc"]);
  expect(headers).toContainEqual(["sec-websocket-protocol", "chat.v2,chat.v1"]);
  expect(headers.every(([name]) => name === name.toLowerCase())).toBe(true);
});

import WebSocket from "ws";
import { ProtocolError } from "@channels-ts/core";
import { deferred, startServer } from "@channels-ts/test-fixtures";

test("headers given in websocket.accept are added to the 101 response", async () => {
  await using server = await startServer(async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({
      type: "websocket.accept",
      headers: [
        ["set-cookie", "session=abc"],
        ["x-served-by", "channels-ts"],
      ],
    });
  });
  const ws = new WebSocket(server.wsUrl("/"));
  const upgraded = new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
    ws.once("upgrade", (res) => resolve(res.headers));
    ws.once("error", reject);
  });
  const opened = new Promise((resolve) => ws.once("open", resolve));
  const headers = await upgraded;
  await opened;
  ws.terminate();
  expect(headers["set-cookie"]).toEqual(["session=abc"]);
  expect(headers["x-served-by"]).toBe("channels-ts");
});

test.each<[string, Array<[string, string]>, RegExp]>([
  ["a NUL in a value", [["x-a", "v\u0000 bad"]], /"x-a" has value/],
  ["a C1 control in a value", [["x-a", "v\u0085"]], /"x-a" has value/],
  ["CR LF in a value", [["x-a", "v\r\nset-cookie: evil=1"]], /"x-a" has value/],
  ["a space in a name", [["bad name", "1"]], /name "bad name" is not a valid HTTP header name/],
  ["a colon in a name", [["x:y", "1"]], /name "x:y" is not a valid HTTP header name/],
  ["an empty name", [["", "1"]], /name "" is not a valid HTTP header name/],
  ["a header the handshake owns", [["Sec-WebSocket-Accept", "x"]], /"Sec-WebSocket-Accept" is set by the server/],
])(
  "websocket.accept with %s is a ProtocolError naming the header; the handshake is refused",
  async (_what, headers, message) => {
    const failure = deferred<unknown>();
    await using server = await startServer(async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      try {
        await send({ type: "websocket.accept", headers });
      } catch (err) {
        failure.resolve(err);
        throw err;
      }
    });
    expect(await server.refusal("/")).toBe(500);
    const err = await failure.promise;
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toMatch(message);
  },
);

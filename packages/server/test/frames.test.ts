import type { Application } from "@channels-ts/core";
import { nextFrame, startServer } from "@channels-ts/test-fixtures";

/** Echoes each frame back in the same kind, prefixed to show the application handled it. */
const echo: Application = async (scope, receive, send) => {
  if (scope.type !== "websocket") return;
  for (;;) {
    const message = await receive();
    if (message.type === "websocket.connect") await send({ type: "websocket.accept" });
    else if (message.type === "websocket.disconnect") return;
    else if (typeof message.text === "string") await send({ type: "websocket.send", text: `echo:${message.text}` });
    else if (message.bytes instanceof Uint8Array) {
      await send({ type: "websocket.send", bytes: Buffer.concat([Buffer.from([0xff]), message.bytes]) });
    }
  }
};

test("text frames arrive as text and bytes frames as bytes, and go back the same way", async () => {
  await using server = await startServer(echo);
  const ws = await server.openWs("/echo/");
  const textReply = nextFrame(ws);
  ws.send("héllo");
  expect(await textReply).toBe("echo:héllo");
  const bytesReply = nextFrame(ws);
  ws.send(Buffer.from([1, 2, 3]));
  const bytes = await bytesReply;
  expect(Buffer.isBuffer(bytes)).toBe(true);
  expect([...(bytes as Buffer)]).toEqual([0xff, 1, 2, 3]);
});

test("websocket.send with both text and bytes is an application error (1011)", async () => {
  await using server = await startServer(async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    // @ts-expect-error -- the types refuse it; a JavaScript application can still send it
    await send({ type: "websocket.send", text: "a", bytes: new Uint8Array([1]) });
  });
  const ws = await server.openWs("/");
  const code = await new Promise<number>((resolve) => ws.once("close", resolve));
  expect(code).toBe(1011);
});

import type { Application, Message } from "@channels-ts/core";
import { closed, deferred, nextFrame, startServer } from "@channels-ts/test-fixtures";

test("a frame over maxPayload closes that client with 1009; the application hears 1009; others carry on", async () => {
  const disconnects = new Map<string, ReturnType<typeof deferred<Message>>>();
  const app: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    const gone = deferred<Message>();
    disconnects.set(scope.query_string as string, gone);
    await receive();
    await send({ type: "websocket.accept" });
    for (;;) {
      const message = await receive();
      if (message.type === "websocket.disconnect") return gone.resolve(message);
      await send({ type: "websocket.send", text: `got ${String(message.text).length}` });
    }
  };
  await using server = await startServer(app, { maxPayload: 1024 });
  const big = await server.openWs(`/?big`);
  const small = await server.openWs(`/?small`);
  const end = closed(big);
  big.send("x".repeat(1025));
  expect((await end).code).toBe(1009);
  expect(await disconnects.get("big")!.promise).toMatchObject({ code: 1009 });
  const reply = nextFrame(small);
  small.send("y".repeat(1024));
  expect(await reply).toBe("got 1024");
});

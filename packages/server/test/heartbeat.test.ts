import type { Message } from "@channels-ts/core";
import { closeAll, deferred, openWs, start, terminateClients, wsUrl } from "./helpers";

afterEach(async () => {
  terminateClients();
  await closeAll();
});

function acceptAndWaitForDisconnect(): { app: Parameters<typeof start>[0]; disconnect: Promise<Message> } {
  const disconnect = deferred<Message>();
  return {
    disconnect: disconnect.promise,
    app: async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect") return disconnect.resolve(message);
      }
    },
  };
}

test("a peer that stops answering pings is dropped and reported as disconnect 1006", async () => {
  const { app, disconnect } = acceptAndWaitForDisconnect();
  const server = await start(app, { pingIntervalMs: 20, pongTimeoutMs: 20 });
  const ws = await openWs(wsUrl(server, "/"), undefined, { autoPong: false });
  const pinged = new Promise((resolve) => ws.once("ping", resolve));
  await pinged;
  expect(await disconnect).toEqual({ type: "websocket.disconnect", code: 1006 });
});

test("a peer that answers pings stays connected across several pings", async () => {
  const { app } = acceptAndWaitForDisconnect();
  const server = await start(app, { pingIntervalMs: 10, pongTimeoutMs: 50 });
  const ws = await openWs(wsUrl(server, "/"));
  let pings = 0;
  await new Promise<void>((resolve) =>
    ws.on("ping", () => {
      if (++pings === 5) resolve();
    }),
  );
  expect(ws.readyState).toBe(ws.OPEN);
});

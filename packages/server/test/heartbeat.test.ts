import { acceptingApp, startServer } from "@channels-ts/test-fixtures";

test("a peer that stops answering pings is dropped and reported as disconnect 1006", async () => {
  const app = acceptingApp();
  await using server = await startServer(app, { pingIntervalMs: 20, pongTimeoutMs: 20 });
  const ws = await server.openWs("/", undefined, { autoPong: false });
  const pinged = new Promise((resolve) => ws.once("ping", resolve));
  await pinged;
  expect(await app.disconnected).toEqual({ type: "websocket.disconnect", code: 1006 });
});

test("a peer that answers pings stays connected across several pings", async () => {
  await using server = await startServer(acceptingApp(), { pingIntervalMs: 10, pongTimeoutMs: 50 });
  const ws = await server.openWs("/");
  let pings = 0;
  await new Promise<void>((resolve) =>
    ws.on("ping", () => {
      if (++pings === 5) resolve();
    }),
  );
  expect(ws.readyState).toBe(ws.OPEN);
});

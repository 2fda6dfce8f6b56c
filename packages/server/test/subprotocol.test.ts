import type { Application } from "@channels-ts/core";
import { closeAll, deferred, openWs, refusal, start, terminateClients, wsUrl } from "./helpers";

afterEach(async () => {
  terminateClients();
  await closeAll();
});

function acceptWith(subprotocol: string | undefined, sendError?: (err: unknown) => void): Application {
  return async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    try {
      await send({ type: "websocket.accept", subprotocol });
    } catch (err) {
      sendError?.(err);
      throw err;
    }
  };
}

test("the application picks one of the offered subprotocols and the client gets it", async () => {
  const server = await start(acceptWith("graphql-ws"));
  const ws = await openWs(wsUrl(server, "/"), ["graphql-transport-ws", "graphql-ws"]);
  expect(ws.protocol).toBe("graphql-ws");
});

test("choosing a subprotocol the client did not offer fails the send and refuses the handshake", async () => {
  const failed = deferred<unknown>();
  const server = await start(acceptWith("mqtt", failed.resolve));
  expect(await refusal(wsUrl(server, "/"), ["chat"])).toBe(500);
  const err = (await failed.promise) as Error;
  expect(err.message).toContain('"mqtt"');
  expect(err.message).toContain('["chat"]');
});

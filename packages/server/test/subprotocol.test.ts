import type { Application } from "@channels-ts/core";
import { deferred, recordingLogger, startServer } from "@channels-ts/test-fixtures";

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
  await using server = await startServer(acceptWith("graphql-ws"));
  const ws = await server.openWs("/", ["graphql-transport-ws", "graphql-ws"]);
  expect(ws.protocol).toBe("graphql-ws");
});

test("choosing a subprotocol the client did not offer fails the send and refuses the handshake", async () => {
  const failed = deferred<unknown>();
  await using server = await startServer(acceptWith("mqtt", failed.resolve));
  expect(await server.refusal("/", ["chat"])).toBe(500);
  const err = (await failed.promise) as Error;
  expect(err.message).toContain('"mqtt"');
  expect(err.message).toContain("the 1 the client offered");
});

test("the refusal does not echo the offered subprotocols, which may carry a token", async () => {
  const failed = deferred<unknown>();
  const logger = recordingLogger();
  await using server = await startServer(acceptWith("mqtt", failed.resolve), { logger, accessLog: true });
  expect(await server.refusal("/", ["access_token", "secret-token-value"])).toBe(500);
  const err = (await failed.promise) as Error;
  expect(err.message).toContain('"mqtt"');
  expect(err.message).not.toContain("secret-token-value");
  await logger.waitFor((entry) => entry.level === "error");
  expect(JSON.stringify(logger.entries)).not.toContain("secret-token-value");
});

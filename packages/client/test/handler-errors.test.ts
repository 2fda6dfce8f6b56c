import { ChannelsClient, HandlerError } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";

test("a handler that throws is reported as an error event, and the handlers after it still run", async () => {
  await using server = await ContractServer.start((frame, socket) => socket.send(JSON.stringify(frame)));
  const client = new ChannelsClient(server.url, { WebSocket });
  const boom = new Error("boom");
  client.on("chat.message", () => {
    throw boom;
  });
  const later = new Promise<string>((resolve) =>
    client.on("chat.message", (message) => resolve(String(message["text"]))),
  );
  const error = client.once("error");
  client.send("chat.message", { text: "hi" });
  expect(await later).toBe("hi");
  const { error: reported } = await error;
  expect(reported).toBeInstanceOf(HandlerError);
  expect(reported).toMatchObject({ code: "HANDLER_ERROR", cause: boom });
  expect(reported.message).toContain('"chat.message"');
  client.close();
});

test("a frame that is not JSON is reported with code BAD_FRAME and the socket stays open", async () => {
  await using server = await ContractServer.start((_frame, socket) => {
    socket.send("{oops");
    socket.send(JSON.stringify({ type: "chat.message", text: "after" }));
  });
  const client = new ChannelsClient(server.url, { WebSocket });
  const error = client.once("error");
  const after = new Promise<string>((resolve) =>
    client.on("chat.message", (message) => resolve(String(message["text"]))),
  );
  client.sendJson({ go: true });
  expect((await error).error).toMatchObject({ code: "BAD_FRAME" });
  expect(await after).toBe("after");
  expect(client.state).toBe("open");
  client.close();
});

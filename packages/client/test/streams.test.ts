import { ChannelsClient, ReplyError, StreamClosed, type StreamEvents } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";
import { ManualTimers } from "./manual-timers";

interface Chat {
  "chat.message": { text: string };
}
interface Requests {
  "room.join": { payload: { room: string }; reply: { ok: true } };
}

/**
 * A demultiplexer as the contract has it: streams "chat" and "news" echo, "chat" answers
 * requests, `{"close": true}` on a stream closes it with 1011, an unknown stream gets 4404.
 */
function demultiplexer(frame: Record<string, unknown>, socket: WebSocket): void {
  const { stream, payload } = frame as { stream: string; payload: Record<string, unknown> };
  const send = (value: unknown): void => socket.send(JSON.stringify(value));
  if (stream !== "chat" && stream !== "news") return send({ stream, close: { code: 4404, reason: "unknown stream" } });
  if (payload["close"] === true) return send({ stream, close: { code: 1011, reason: "handler failed" } });
  if (typeof payload["requestId"] === "number") {
    return send({
      stream,
      payload: { type: "reply", requestId: payload["requestId"], ok: true, payload: { ok: true } },
    });
  }
  send({ stream, payload });
}

test("each stream sends and hears its own messages, wrapped in envelopes", async () => {
  await using server = await ContractServer.start(demultiplexer);
  const client = new ChannelsClient(server.url, { WebSocket });
  const chat = client.stream<Chat>("chat");
  const news = client.stream<Chat>("news");
  expect(client.stream("chat")).toBe(chat);
  const heard: string[] = [];
  chat.on("chat.message", ({ text }) => heard.push(`chat: ${text}`));
  news.on("chat.message", ({ text }) => heard.push(`news: ${text}`));
  client.onMessage((message) => heard.push(`socket: ${JSON.stringify(message)}`));
  const newsHeard = news
    .once("open")
    .then(() => new Promise<void>((resolve) => news.on("chat.message", () => resolve())));
  chat.send("chat.message", { text: "hello" });
  news.send("chat.message", { text: "extra" });
  await newsHeard;
  expect(server.frames).toEqual([
    { stream: "chat", payload: { type: "chat.message", text: "hello" } },
    { stream: "news", payload: { type: "chat.message", text: "extra" } },
  ]);
  expect(heard).toEqual(["chat: hello", "news: extra"]);
  client.close();
});

test("a request on a stream travels in the envelope and its reply comes back on the stream", async () => {
  await using server = await ContractServer.start(demultiplexer);
  const client = new ChannelsClient(server.url, { WebSocket });
  const chat = client.stream<Chat, Chat, Requests>("chat");
  expect(await chat.request("room.join", { room: "lobby" })).toEqual({ ok: true });
  expect(server.frames).toEqual([{ stream: "chat", payload: { requestId: 0, type: "room.join", room: "lobby" } }]);
  client.close();
});

test("a stream closed by the server fires closed, drops its sends, and leaves the other streams and the socket open", async () => {
  await using server = await ContractServer.start(demultiplexer);
  const client = new ChannelsClient(server.url, { WebSocket });
  const chat = client.stream<Chat>("chat");
  const news = client.stream<Chat>("news");
  const closed = chat.once("closed");
  chat.sendJson({ close: true });
  expect(await closed).toEqual({ code: 1011, reason: "handler failed" });
  expect(chat.closedWith).toEqual({ code: 1011, reason: "handler failed" });
  const dropped: Array<StreamEvents["dropped"]> = [];
  chat.onEvent("dropped", (event) => dropped.push(event));
  expect(chat.send("chat.message", { text: "into the void" })).toBe(false);
  await expect(chat.request("anything", {})).rejects.toBeInstanceOf(StreamClosed);
  expect(dropped.map((event) => event.reason)).toEqual(["stream_closed", "stream_closed"]);
  const echoed = new Promise<string>((resolve) => news.on("chat.message", ({ text }) => resolve(text)));
  expect(news.send("chat.message", { text: "still here" })).toBe(true);
  expect(await echoed).toBe("still here");
  expect(client.state).toBe("open");
  client.close();
});

test("a stream the server does not know is closed with 4404, and a reconnect opens closed streams again", async () => {
  await using server = await ContractServer.start(demultiplexer);
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers });
  const ghost = client.stream("ghost");
  const closed = ghost.once("closed");
  ghost.sendJson({ hello: true });
  expect(await closed).toEqual({ code: 4404, reason: "unknown stream" });
  const reconnecting = client.once("reconnecting");
  await server.stop();
  await reconnecting;
  await server.listen();
  const reopened = ghost.once("open");
  timers.fire();
  expect(await reopened).toEqual({ reconnected: true });
  expect(ghost.closedWith).toBeUndefined();
  client.close();
});

test("a request in flight on a stream that the server closes rejects with StreamClosed", async () => {
  await using server = await ContractServer.start((frame, socket) => {
    socket.send(JSON.stringify({ stream: frame["stream"], close: { code: 1011, reason: "boom" } }));
  });
  const client = new ChannelsClient(server.url, { WebSocket });
  const error = await client
    .stream("chat")
    .request("room.join", { room: "x" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StreamClosed);
  expect(error).not.toBeInstanceOf(ReplyError);
  expect(error).toMatchObject({ stream: "chat", closeCode: 1011 });
  client.close();
});

test("a bad_envelope error frame is reported as an error event", async () => {
  await using server = await ContractServer.start((_frame, socket) => {
    socket.send(JSON.stringify({ error: { code: "bad_envelope", message: "stream must be a string" } }));
  });
  const client = new ChannelsClient(server.url, { WebSocket });
  const error = client.once("error");
  client.sendJson({ not: "an envelope" });
  expect((await error).error).toMatchObject({ code: "SERVER_ERROR", serverCode: "bad_envelope" });
  client.close();
});

import { ChannelsClient, Disconnected, QueueFull, ReplyError, ReplyTimeout } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";
import { ManualTimers } from "./manual-timers";

interface Requests {
  "room.join": { payload: { room: string }; reply: { members: string[] } };
  "room.leave": { payload: { room: string }; reply: null };
  ping: { payload: Record<never, never>; reply: "pong" };
}

/** Replies as the contract says: ok for room.join, an error for room.leave, nothing for "ping". */
function replier(frame: Record<string, unknown>, socket: WebSocket): void {
  const { requestId, type } = frame;
  if (type === "room.join") {
    socket.send(
      JSON.stringify({ type: "reply", requestId, ok: true, payload: { members: [`in ${String(frame["room"])}`] } }),
    );
  } else if (type === "room.leave") {
    socket.send(
      JSON.stringify({
        type: "reply",
        requestId,
        ok: false,
        error: { code: "not_member", message: "not in that room" },
      }),
    );
  }
}

test("a request settles with the reply's payload, or rejects with the server's code and message", async () => {
  await using server = await ContractServer.start(replier);
  const client = new ChannelsClient<Record<never, never>, Record<never, never>, Requests>(server.url, { WebSocket });
  const reply = await client.request("room.join", { room: "lobby" });
  expect(reply).toEqual({ members: ["in lobby"] });
  const failure = await client.request("room.leave", { room: "lobby" }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ReplyError);
  expect(failure).toMatchObject({ code: "not_member", message: "not in that room", requestType: "room.leave" });
  // Ids are non-negative integers, one per request, and the message keeps its own keys.
  expect(server.frames).toEqual([
    { requestId: 0, type: "room.join", room: "lobby" },
    { requestId: 1, type: "room.leave", room: "lobby" },
  ]);
  client.close();
});

test("a request with no reply rejects with ReplyTimeout at its deadline, and a late reply is ignored", async () => {
  await using server = await ContractServer.start(replier);
  const timers = new ManualTimers();
  const client = new ChannelsClient<Record<never, never>, Record<never, never>, Requests>(server.url, {
    WebSocket,
    timers,
  });
  await client.once("open");
  const pending = client.request("ping", {}, { timeoutMs: 1234 });
  const [frame] = await server.framesReceived(1);
  timers.fire(1234);
  const error = await pending.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReplyTimeout);
  expect(error).toMatchObject({ code: "REPLY_TIMEOUT", timeoutMs: 1234 });
  const heard: unknown[] = [];
  client.onMessage((message) => heard.push(message));
  server.broadcast({ type: "reply", requestId: frame?.["requestId"], ok: true, payload: "pong" });
  await client.request("room.join", { room: "x" }); // a later frame, so the late reply has been read
  expect(heard).toEqual([{ type: "reply", requestId: 0, ok: true, payload: "pong" }]);
  client.close();
});

test("a request in flight when the socket drops rejects with Disconnected; one queued offline goes out on reconnect", async () => {
  await using server = await ContractServer.start(replier);
  const timers = new ManualTimers();
  const client = new ChannelsClient<Record<never, never>, Record<never, never>, Requests>(server.url, {
    WebSocket,
    timers,
    initialDelayMs: 10,
    jitter: 0,
  });
  await client.once("open");
  const inFlight = client.request("ping", {});
  await server.framesReceived(1);
  const reconnecting = client.once("reconnecting");
  await server.stop();
  await expect(inFlight).rejects.toBeInstanceOf(Disconnected);
  await reconnecting;
  const queued = client.request("room.join", { room: "later" });
  await server.listen();
  timers.fire(10);
  expect(await queued).toEqual({ members: ["in later"] });
  client.close();
});

test("a request dropped from a full queue rejects with QueueFull", async () => {
  const client = new ChannelsClient<Record<never, never>, Record<never, never>, Requests>("ws://127.0.0.1:9/", {
    WebSocket,
    autoConnect: false,
    maxQueued: 0,
  });
  await expect(client.request("room.join", { room: "x" })).rejects.toBeInstanceOf(QueueFull);
  client.close();
});

test("a queued request that times out is taken off the queue", async () => {
  const timers = new ManualTimers();
  const client = new ChannelsClient<Record<never, never>, Record<never, never>, Requests>("ws://127.0.0.1:9/", {
    WebSocket,
    autoConnect: false,
    timers,
  });
  const pending = client.request("ping");
  expect(client.queued).toBe(1);
  timers.fire(5000);
  await expect(pending).rejects.toBeInstanceOf(ReplyTimeout);
  expect(client.queued).toBe(0);
  client.close();
});

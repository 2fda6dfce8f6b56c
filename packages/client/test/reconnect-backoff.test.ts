import { ChannelsClient, backoffDelay } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";
import { ManualTimers } from "./manual-timers";

const backoff = { initialDelayMs: 100, factor: 2, maxDelayMs: 1000, jitter: 0.5 };

test("the delay grows by the factor, stops at the cap, and jitter takes off up to its fraction", () => {
  const none = () => 0;
  expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, backoff, none))).toEqual([
    100, 200, 400, 800, 1000, 1000,
  ]);
  expect(backoffDelay(3, backoff, () => 0.5)).toBe(300);
  expect(backoffDelay(3, backoff, () => 0.999)).toBe(200);
});

test("after the server stops the client backs off, and it reconnects when the server is back on the same port", async () => {
  await using server = await ContractServer.start();
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers, random: () => 0.5, ...backoff });
  const events: string[] = [];
  client.onEvent("reconnecting", ({ attempt, delayMs }) => events.push(`reconnecting ${attempt} ${delayMs}`));
  client.onEvent("close", ({ code, willReconnect }) => events.push(`close ${code} ${willReconnect}`));
  client.onEvent("reconnected", ({ attempts }) => events.push(`reconnected ${attempts}`));
  expect(await client.once("open")).toEqual({ reconnected: false });

  await server.stop();
  await client.once("reconnecting");
  expect(client.state).toBe("reconnecting");
  // Attempts 1 and 2 find nothing listening; each failure schedules the next, twice as long.
  for (let attempt = 1; attempt <= 2; attempt++) {
    const next = client.once("reconnecting");
    timers.fire();
    await next;
  }
  await server.listen();
  const reopened = client.once("open");
  timers.fire();
  expect(await reopened).toEqual({ reconnected: true });
  expect(events).toEqual([
    "close 1006 true",
    "reconnecting 1 75",
    "close 1006 true",
    "reconnecting 2 150",
    "close 1006 true",
    "reconnecting 3 300",
    "reconnected 3",
  ]);
  // 5000 is each open's resetAfterMs timer; the socket closed before the first one fired.
  expect(timers.delays).toEqual([5000, 75, 150, 300, 5000]);

  // The attempt count starts again once the connection has stayed open resetAfterMs.
  timers.fire(5000);
  await server.stop();
  expect(await client.once("reconnecting")).toEqual({ attempt: 1, delayMs: 75 });
  client.close();
  expect(client.state).toBe("closed");
  expect(timers.count).toBe(0);
});

test("after maxAttempts failed reconnects the client gives up and drops what it had queued", async () => {
  await using server = await ContractServer.start();
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers, maxAttempts: 2, ...backoff });
  await client.once("open");
  await server.stop();
  await client.once("reconnecting");
  expect(client.send("chat.message", { text: "queued" })).toBe(true);
  const dropped = client.once("dropped");
  timers.fire();
  await client.once("reconnecting");
  const lastClose = client.once("close");
  timers.fire();
  expect(await lastClose).toMatchObject({ code: 1006, willReconnect: false });
  expect(client.state).toBe("closed");
  expect(await dropped).toEqual({
    message: { type: "chat.message", text: "queued" },
    reason: "gave_up",
    stream: undefined,
  });
  expect(client.send("chat.message", { text: "late" })).toBe(false);
});

test("a close with 1000 or 1008 from the server is not followed by a reconnect, unless shouldReconnect says so", async () => {
  await using server = await ContractServer.start((frame, socket) => socket.close(frame["code"] as number, "bye"));
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers });
  await client.once("open");
  client.sendJson({ code: 1008 });
  expect(await client.once("close")).toEqual({ code: 1008, reason: "bye", wasClean: true, willReconnect: false });
  expect(client.state).toBe("closed");
  expect(timers.count).toBe(0);

  const stubborn = new ChannelsClient(server.url, { WebSocket, timers, shouldReconnect: () => true });
  await stubborn.once("open");
  stubborn.sendJson({ code: 1000 });
  expect(await stubborn.once("close")).toMatchObject({ code: 1000, willReconnect: true });
  expect(stubborn.state).toBe("reconnecting");
  stubborn.close();
});

test("close() while waiting to reconnect cancels the wait and reports the close at once", async () => {
  await using server = await ContractServer.start();
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers });
  await client.once("open");
  await server.stop();
  await client.once("reconnecting");
  const closed = client.once("close");
  client.close(1000, "leaving");
  expect(await closed).toEqual({ code: 1000, reason: "leaving", wasClean: true, willReconnect: false });
  expect(timers.count).toBe(0);
  expect(() => client.connect()).toThrow(/closed/);
});

test("a server that accepts and closes at once is backed off from, and one that stays open resetAfterMs starts the count again", async () => {
  let closeAtOnce = true;
  await using server = await ContractServer.start();
  server.onConnection((socket) => {
    if (closeAtOnce) socket.close(1011, "backend down");
  });
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers, random: () => 0.5, ...backoff });
  const events: string[] = [];
  client.onEvent("open", () => events.push("open"));
  client.onEvent("reconnecting", ({ attempt, delayMs }) => events.push(`reconnecting ${attempt} ${delayMs}`));
  await client.once("reconnecting");
  for (let attempt = 2; attempt <= 3; attempt++) {
    const next = client.once("reconnecting");
    timers.fire();
    await next;
  }
  expect(events).toEqual(["open", "reconnecting 1 75", "open", "reconnecting 2 150", "open", "reconnecting 3 300"]);
  // Each open's reset timer was cleared by its close before it could fire.
  expect(timers.count).toBe(1);

  closeAtOnce = false;
  const opened = client.once("open");
  timers.fire();
  await opened;
  const reconnected = client.once("reconnecting");
  timers.fire(5000);
  for (const socket of server.sockets) socket.close(1011, "backend down again");
  expect(await reconnected).toEqual({ attempt: 1, delayMs: 75 });
  client.close();
  expect(timers.count).toBe(0);
});

test("with resetAfterMs 0 every open starts the count again", async () => {
  await using server = await ContractServer.start();
  server.onConnection((socket) => socket.close(1011, "backend down"));
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers, random: () => 0.5, ...backoff, resetAfterMs: 0 });
  expect(await client.once("reconnecting")).toEqual({ attempt: 1, delayMs: 75 });
  const next = client.once("reconnecting");
  timers.fire();
  expect(await next).toEqual({ attempt: 1, delayMs: 75 });
  client.close();
});

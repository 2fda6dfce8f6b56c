import { receiveSourceOf, type WebsocketInboundEvent } from "@channels-ts/core";
import { MessageQueue, type FlowControl } from "../src/message-queue";

const event = (n: number): WebsocketInboundEvent => ({ type: "websocket.receive", text: String(n) });

function flow(): FlowControl & { log: string[] } {
  const log: string[] = [];
  return { log, pause: () => log.push("pause"), resume: () => log.push("resume") };
}

test("the queue's receive offers the queue itself as its promise-free source", () => {
  const queue = new MessageQueue<WebsocketInboundEvent>();
  expect(receiveSourceOf(queue.receive)).toBe(queue);
  // A middleware that wraps receive gives a function without it: the consumer uses the promise.
  expect(receiveSourceOf(() => queue.receive())).toBeUndefined();
});

test("receiveInto hands a queued event over at once, and the next one when it is pushed", () => {
  const queue = new MessageQueue<WebsocketInboundEvent>();
  const got: WebsocketInboundEvent[] = [];
  queue.push(event(1));
  queue.receiveInto({ onReceive: (e) => got.push(e) });
  expect(got).toEqual([event(1)]);
  queue.receiveInto({ onReceive: (e) => got.push(e) });
  expect(got).toHaveLength(1);
  queue.push(event(2));
  expect(got).toEqual([event(1), event(2)]);
  // One event per registration: the next push waits in the queue.
  queue.push(event(3));
  expect(got).toHaveLength(2);
  expect(queue.length).toBe(1);
});

test("receive() and receiveInto() are served in the order they started waiting", async () => {
  const queue = new MessageQueue<WebsocketInboundEvent>();
  const got: string[] = [];
  const pending = queue.receive();
  queue.receiveInto({ onReceive: (e) => got.push(`into ${(e as { text: string }).text}`) });
  queue.push(event(1));
  queue.push(event(2));
  expect(got).toEqual(["into 2"]);
  await expect(pending).resolves.toEqual(event(1));
});

test("reading through receiveInto restarts a paused source once read down to half", () => {
  const control = flow();
  const queue = new MessageQueue<WebsocketInboundEvent>(4, control);
  for (let i = 0; i < 4; i++) queue.push(event(i));
  expect(control.log).toEqual(["pause"]);
  const got: number[] = [];
  const take = (): void => queue.receiveInto({ onReceive: (e) => got.push(Number((e as { text: string }).text)) });
  take();
  expect(control.log).toEqual(["pause"]); // 3 unread: above half
  take();
  expect(control.log).toEqual(["pause", "resume"]); // 2 unread: half of 4
  take();
  take();
  expect(got).toEqual([0, 1, 2, 3]);
});

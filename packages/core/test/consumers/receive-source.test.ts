import {
  AsyncConsumer,
  DONE,
  InMemoryChannelLayer,
  RECEIVE_SOURCE,
  StopConsumer,
  type EventReceiver,
  type Message,
  type Receive,
  type ReceiveSource,
  type Scope,
} from "@channels-ts/core";
import { installChannelLayer } from "@channels-ts/test-fixtures";

/** A server's receive with a promise-free source behind it, as @channels-ts/server's queue has. */
function sourcedReceive() {
  const queued: Message[] = [];
  let waiting: EventReceiver<Message> | undefined;
  let receiveCalls = 0;
  let receiveIntoCalls = 0;
  const source: ReceiveSource<Message> = {
    receiveInto(receiver) {
      receiveIntoCalls++;
      const next = queued.shift();
      if (next !== undefined) receiver.onReceive(next);
      else waiting = receiver;
    },
  };
  const receive = (() => {
    receiveCalls++;
    return new Promise<Message>(() => undefined);
  }) as Receive & { [RECEIVE_SOURCE]?: ReceiveSource<Message> };
  receive[RECEIVE_SOURCE] = source;
  return {
    receive,
    push(event: Message): void {
      const receiver = waiting;
      waiting = undefined;
      if (receiver !== undefined) receiver.onReceive(event);
      else queued.push(event);
    },
    counts: () => ({ receiveCalls, receiveIntoCalls }),
  };
}

const scope: Scope = { type: "test" };
const send = (): Promise<void> => DONE;

test("a consumer takes its client events through the source, in order, one at a time, without receive()", async () => {
  const log: string[] = [];
  let release: () => void = () => undefined;
  class Slow extends AsyncConsumer {
    override channelLayerAlias = "";
    async step(message: Message): Promise<void> {
      log.push(`start ${String(message.n)}`);
      if (message.n === 1) await new Promise<void>((resolve) => (release = resolve));
      log.push(`end ${String(message.n)}`);
    }
    stop(): void {
      throw new StopConsumer();
    }
  }
  const client = sourcedReceive();
  const ended = new Slow().run(scope, client.receive, send);
  client.push({ type: "step", n: 1 });
  client.push({ type: "step", n: 2 }); // waits in the source while 1 is handled
  expect(log).toEqual(["start 1"]);
  release();
  client.push({ type: "stop" });
  await ended;
  expect(log).toEqual(["start 1", "end 1", "start 2", "end 2"]);
  expect(client.counts().receiveCalls).toBe(0);
  expect(client.counts().receiveIntoCalls).toBe(3);
});

test("a handler that returns DONE is finished at once: the next waiting message is dispatched in the same turn", async () => {
  const handled: unknown[] = [];
  class Quick extends AsyncConsumer {
    override channelLayerAlias = "";
    step(message: Message): Promise<void> {
      handled.push(message.n);
      return DONE;
    }
    stop(): void {
      throw new StopConsumer();
    }
  }
  const client = sourcedReceive();
  const ended = new Quick().run(scope, client.receive, send);
  client.push({ type: "step", n: 1 });
  client.push({ type: "step", n: 2 });
  client.push({ type: "step", n: 3 });
  // No await in between: each was dispatched as it came, since each handler had finished already.
  expect(handled).toEqual([1, 2, 3]);
  client.push({ type: "stop" });
  await ended;
});

test("layer messages and source events still alternate one at a time when handlers return DONE", async () => {
  await using installed = installChannelLayer(new InMemoryChannelLayer());
  const log: string[] = [];
  let joined = false;
  class Echo extends AsyncConsumer {
    join(): Promise<void> {
      joined = true;
      return this.channelLayer!.groupAdd("room", this.channelName!);
    }
    relay(message: Message): Promise<void> {
      log.push(`relay ${String(message.n)}`);
      return this.channelLayer!.groupSend("room", { type: "echoed", n: message.n });
    }
    echoed(message: Message): Promise<void> {
      log.push(`echoed ${String(message.n)}`);
      return DONE;
    }
    stop(): void {
      throw new StopConsumer();
    }
  }
  const client = sourcedReceive();
  const ended = new Echo().run(scope, client.receive, send);
  await new Promise<void>((resolve) => setImmediate(resolve)); // the layer's channel is made
  client.push({ type: "join" });
  expect(joined).toBe(true);
  client.push({ type: "relay", n: 1 });
  client.push({ type: "relay", n: 2 });
  expect(log).toEqual(["relay 1", "echoed 1", "relay 2", "echoed 2"]);
  client.push({ type: "stop" });
  await ended;
  expect(installed.layer.stats().channels).toBe(0); // discarded at the end, as without the fast path
});

test("StopConsumer is a real ChannelsError with its code, made without a stack trace", () => {
  const limit = Error.stackTraceLimit;
  const stop = new StopConsumer();
  expect(stop).toBeInstanceOf(Error);
  expect(stop.code).toBe("STOP_CONSUMER");
  expect(stop.stack).toBe("StopConsumer: consumer stopped");
  expect(Error.stackTraceLimit).toBe(limit);
});

import {
  ApplicationCommunicator,
  AsyncConsumer,
  InMemoryChannelLayer,
  type ChannelLayer,
  type Message,
} from "@channels-ts/core";
import { installChannelLayer } from "@channels-ts/test-fixtures";

/** The in-memory layer without its optional fast paths: what a layer that has neither looks like. */
function withoutFastPaths(inner: InMemoryChannelLayer): ChannelLayer {
  return {
    extensions: inner.extensions,
    newChannel: (prefix) => inner.newChannel(prefix),
    send: (channel, message) => inner.send(channel, message),
    receive: (channel, options) => inner.receive(channel, options),
    groupAdd: (group, channel) => inner.groupAdd(group, channel),
    groupDiscard: (group, channel) => inner.groupDiscard(group, channel),
    groupSend: (group, message) => inner.groupSend(group, message),
    discardChannel: (channel) => inner.discardChannel(channel),
    flush: () => inner.flush(),
    close: () => inner.close(),
  };
}

/** Records when each handler starts and ends; handlers await in the middle, so overlap would show. */
class Recorder extends AsyncConsumer {
  static log: string[] = [];
  async join(): Promise<void> {
    await this.channelLayer!.groupAdd("room", this.channelName!);
    await this.send({ type: "websocket.send", text: "joined" });
  }
  async client_msg(message: Message): Promise<void> {
    Recorder.log.push(`start client ${String(message.n)}`);
    await Promise.resolve();
    await new Promise<void>((resolve) => setImmediate(resolve));
    Recorder.log.push(`end client ${String(message.n)}`);
  }
  async layer_msg(message: Message): Promise<void> {
    Recorder.log.push(`start layer ${String(message.n)}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
    Recorder.log.push(`end layer ${String(message.n)}`);
  }
  async done(): Promise<void> {
    await this.send({ type: "websocket.send", text: "done" });
  }
}

describe.each([
  ["with receiveInto and receiveNowait", (layer: InMemoryChannelLayer): ChannelLayer => layer],
  ["with neither fast path", withoutFastPaths],
])("a consumer on a layer %s", (_name, wrap) => {
  it("handles client and layer messages one at a time, each source in order", async () => {
    await using _installed = installChannelLayer(wrap(new InMemoryChannelLayer({ capacity: 1000 })));
    Recorder.log = [];
    const c = new ApplicationCommunicator(Recorder.asApp(), { type: "custom" });
    await c.sendInput({ type: "join" });
    expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "joined" });
    const layer = _installed.layer;
    for (let n = 0; n < 20; n++) {
      await c.sendInput({ type: "client.msg", n });
      await layer.groupSend("room", { type: "layer.msg", n });
    }
    await c.sendInput({ type: "done" });
    expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "done" });

    const log = Recorder.log;
    for (let i = 0; i < log.length; i += 2) {
      // Every start is followed by its own end: no handler began while another was running.
      expect(log[i + 1]).toBe(log[i]!.replace("start", "end"));
    }
    const order = (source: string): number[] =>
      log.filter((line) => line.startsWith(`start ${source}`)).map((line) => Number(line.split(" ")[2]));
    const expected = Array.from({ length: 20 }, (_, n) => n);
    expect(order("client")).toEqual(expected);
    expect(order("layer")).toEqual(expected);
    await c.stop();
  });
});

describe("a consumer with synchronous handlers", () => {
  it("drains a backlog of 50,000 layer messages in a loop, not by recursion", async () => {
    await using installed = installChannelLayer(new InMemoryChannelLayer({ capacity: 100_000 }));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let count = 0;
    class SyncHandlers extends AsyncConsumer {
      async whoami(): Promise<void> {
        await this.send({ type: "websocket.send", text: String(this.channelName) });
        await released;
      }
      // Not async: dispatch gets undefined back and goes straight on to the next message.
      tick(): void {
        count++;
      }
      finish(): Promise<void> {
        return this.send({ type: "websocket.send", text: `ticks ${count}` });
      }
    }
    const c = new ApplicationCommunicator(SyncHandlers.asApp(), { type: "custom" });
    await c.sendInput({ type: "whoami" });
    const me = await c.receiveOutput();
    const name = "text" in me ? String(me.text) : "";
    for (let i = 0; i < 50_000; i++) await installed.layer.send(name, { type: "tick" });
    await installed.layer.send(name, { type: "finish" });
    release();
    expect(await c.receiveOutput(10_000)).toEqual({ type: "websocket.send", text: "ticks 50000" });
    await c.stop();
  });

  it("ends the consumer with the error a synchronous handler throws", async () => {
    await using _installed = installChannelLayer(new InMemoryChannelLayer());
    class Throws extends AsyncConsumer {
      boom(): void {
        throw new RangeError("boom from a synchronous handler");
      }
    }
    const c = new ApplicationCommunicator(Throws.asApp(), { type: "custom" });
    await c.sendInput({ type: "boom" });
    await expect(c.wait()).rejects.toThrow("boom from a synchronous handler");
  });
});

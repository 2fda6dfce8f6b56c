import {
  InMemoryChannelLayer,
  WebsocketCommunicator,
  WebsocketConsumer,
  type Message,
  type PresenceStateMessage,
} from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

// Capacity 1: one message waiting on the consumer's channel fills it.
const layer = useChannelLayer({ make: () => new InMemoryChannelLayer({ capacity: 1 }) });

/** Fills its own channel, then tracks with the state: the state must not need room there. */
class FullChannelTracker extends WebsocketConsumer {
  override async connect(): Promise<void> {
    await this.accept();
    // The first is taken by the consumer's pending receive; the second waits on the channel, which is then full.
    await this.channelSend(this.channelName!, { type: "noted", n: 1 });
    await this.channelSend(this.channelName!, { type: "noted", n: 2 });
    await this.presence.track("room", "ada", {}, { state: true });
    await this.send("tracked");
  }

  override presence_state(message: PresenceStateMessage): Promise<void> {
    return this.send(`state ${Object.keys(message.presences).join(",")}`);
  }

  noted(message: Message): Promise<void> {
    return this.send(`noted ${String(message.n)}`);
  }
}

describe("presence.state", () => {
  it("is handed to the tracking consumer in place: a full channel does not fail track, and the layer never carries it", async () => {
    const sent: Message[] = [];
    const send = layer().send.bind(layer());
    jest.spyOn(layer(), "send").mockImplementation((channel: string, message: Message) => {
      sent.push(message);
      return send(channel, message);
    });
    const c = new WebsocketCommunicator(FullChannelTracker.asApp(), "/");
    expect((await c.connect()).connected).toBe(true);
    // Inside track, before it resolves: before anything connect() sends after it, and before the queued messages.
    expect(await c.receiveFrom()).toBe("state ada");
    expect(await c.receiveFrom()).toBe("tracked");
    expect(await c.receiveFrom()).toBe("noted 1");
    expect(await c.receiveFrom()).toBe("noted 2");
    expect(sent.map((message) => message.type)).toEqual(["noted", "noted"]);
    await c.disconnect();
  });
});

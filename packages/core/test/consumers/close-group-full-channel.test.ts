import {
  closeGroup,
  drops,
  InMemoryChannelLayer,
  WebsocketCommunicator,
  WebsocketConsumer,
  type DropEvent,
} from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

// Capacity 1: one message waiting on a member's channel fills it.
// Its drop log lines are kept here, not printed.
let warned: string[] = [];
const layer = useChannelLayer({
  make: () => new InMemoryChannelLayer({ capacity: 1, logger: { warn: (line: string) => warned.push(line) } }),
});
beforeEach(() => (warned = []));

let release: () => void = () => {};

/** A member whose `hold` handler keeps it busy until `release()`: its channel fills meanwhile. */
class BusyMember extends WebsocketConsumer {
  override groups = ["user.42"];
  async hold(): Promise<void> {
    await this.send("holding");
    await new Promise<void>((resolve) => (release = resolve));
  }
  async filler(): Promise<void> {
    await this.send("filler");
  }
  override async connect(): Promise<void> {
    await this.accept();
    await this.send(this.channelName!);
  }
}

/** A connected member and its channel name (its first frame). */
async function connected(path: string): Promise<{ client: WebsocketCommunicator; channel: string }> {
  const client = new WebsocketCommunicator(BusyMember.asApp(), path);
  expect((await client.connect()).connected).toBe(true);
  return { client, channel: String(await client.receiveFrom()) };
}

describe("closeGroup() and a member whose channel is full", () => {
  it("skips that member, which stays open, and counts the skip as a channel-full drop for the group", async () => {
    const idle = await connected("/idle/");
    const busy = await connected("/busy/");
    const seen: DropEvent[] = [];
    const stop = drops.onDrop((event) => seen.push(event));
    try {
      await layer().send(busy.channel, { type: "hold" });
      expect(await busy.client.receiveFrom()).toBe("holding");
      // Busy in `hold`; the filler waits on its channel, which is then full.
      await layer().send(busy.channel, { type: "filler" });

      await closeGroup(layer(), "user.42", { code: 4001, reason: "logged out" });
      expect(await idle.client.receiveOutput()).toEqual({ type: "websocket.close", code: 4001, reason: "logged out" });
      expect(seen).toContainEqual(
        expect.objectContaining({ origin: "InMemoryChannelLayer", reason: "channel full", group: "user.42", count: 1 }),
      );

      expect(warned.join("\n")).toContain('channel full (last for group "user.42")');

      // The skipped member never hears of the close: it handles what was queued and stays open.
      release();
      expect(await busy.client.receiveFrom()).toBe("filler");
      expect(await busy.client.receiveNothing()).toBe(true);
    } finally {
      stop();
      release();
      await busy.client.disconnect();
      await idle.client.disconnect();
    }
  });
});

import { encode } from "@msgpack/msgpack";
import { QueuedMessageReader } from "../src/queued-message-reader";
import { MessageSerializer } from "../src/serializer";
import { MalformedWireMessage } from "../src/wire-message";

const serializer = new MessageSerializer();
const members = ["specific.aaaa!one", "specific.aaaa!two", "specific.aaaa!three"];

/** A queued message as a group send leaves it: random prefix, the map with `__asgi_channel__` last. */
function queued(message: Record<string, unknown>, channels: unknown = members): Buffer {
  return serializer.serialize({ ...message, __asgi_channel__: channels });
}

describe("reading queued group-send messages", () => {
  it("reads the same message and names whether the member list is new or already seen", () => {
    const reader = new QueuedMessageReader(serializer);
    const first = reader.read(queued({ type: "chat.message", text: "one" }));
    const second = reader.read(queued({ type: "chat.message", text: "two", n: 2 }));

    expect(first).toEqual({ message: { type: "chat.message", text: "one" }, channels: members });
    expect(second).toEqual({ message: { type: "chat.message", text: "two", n: 2 }, channels: members });
    // From the second on, the remembered list is handed out rather than another one built.
    expect(reader.read(queued({ type: "chat.message" })).channels).toBe(second.channels);
    expect(Object.isFrozen(second.channels)).toBe(true);
  });

  it("tells lists apart that differ in one byte", () => {
    const reader = new QueuedMessageReader(serializer);
    const other = ["specific.aaaa!one", "specific.aaaa!two", "specific.aaaa!thref"];
    reader.read(queued({ type: "t" }));
    expect(reader.read(queued({ type: "t" }, other)).channels).toEqual(other);
    expect(reader.read(queued({ type: "t" })).channels).toEqual(members);
  });

  it("reads a map of more than 15 entries (map16 header)", () => {
    const reader = new QueuedMessageReader(serializer);
    const big: Record<string, unknown> = { type: "wide" };
    for (let i = 0; i < 20; i++) big[`k${i}`] = i;
    reader.read(queued(big));
    expect(reader.read(queued(big))).toEqual({ message: big, channels: members });
  });

  it("is not fooled by the key's bytes inside a value", () => {
    const reader = new QueuedMessageReader(serializer);
    reader.read(queued({ type: "t" }));
    // A bytes value ending with the key's bytes and a known list's, and no real key after it.
    const sneaky = Buffer.concat([Buffer.from([0xb0]), Buffer.from("__asgi_channel__"), Buffer.from(encode(members))]);
    const read = reader.read(serializer.serialize({ type: "t", bytes: sneaky }));
    expect(read.channels).toBeUndefined();
    expect(Buffer.from((read.message as unknown as { bytes: Uint8Array }).bytes).equals(sneaky)).toBe(true);
  });

  it("still refuses a message with another reserved key", () => {
    const reader = new QueuedMessageReader(serializer);
    reader.read(queued({ type: "t" }));
    expect(() => reader.read(queued({ type: "t", __asgi_other__: 1 }))).toThrow(MalformedWireMessage);
  });

  it("reads a single channel name and a message without the key as before", () => {
    const reader = new QueuedMessageReader(serializer);
    expect(reader.read(queued({ type: "t" }, "specific.aaaa!one")).channels).toBe("specific.aaaa!one");
    expect(reader.read(serializer.serialize({ type: "t" }))).toEqual({ message: { type: "t" }, channels: undefined });
  });
});

import { encode } from "@msgpack/msgpack";
import { MessageSerializer } from "../src/serializer";
import { OwnProtoDecoder } from "../src/own-proto-decoder";

/** msgpack bytes as channels_redis (or a hostile peer) writes them, from JSON text that has own `__proto__` keys. */
function packed(json: string): Uint8Array {
  return encode(JSON.parse(json));
}

describe("decoding a message with an own __proto__ key", () => {
  afterEach(() => {
    // A failure here means a decode polluted every object of the process.
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("keeps the key as an own data property, in its place, and leaves the prototype alone", () => {
    const message = new OwnProtoDecoder().decode(
      packed('{"__proto__":{"polluted":true},"type":"x","text":"hi"}'),
    ) as Record<string, unknown>;

    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect(Object.keys(message)).toEqual(["__proto__", "type", "text"]);
    expect(Object.getOwnPropertyDescriptor(message, "__proto__")).toEqual({
      value: { polluted: true },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(message["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("does the same in nested maps and lists, and keeps the other keys as they came", () => {
    const message = new OwnProtoDecoder().decode(
      packed('{"type":"x","a":{"b":[{"__proto__":{"polluted":1},"c":2}]},"__proto__":[1]}'),
    ) as { a: { b: Array<Record<string, unknown>> } };

    const inner = message.a.b[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.keys(inner)).toEqual(["__proto__", "c"]);
    expect(Object.getOwnPropertyDescriptor(inner, "__proto__")?.value).toEqual({ polluted: 1 });
    expect(inner["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(message, "__proto__")?.value).toEqual([1]);
    expect(Object.keys(message)).toEqual(["type", "a", "__proto__"]);
  });

  it("round-trips through the layers' serializer, with and without the random prefix", () => {
    for (const serializer of [new MessageSerializer(), new MessageSerializer({ prefixed: false })]) {
      const sent = JSON.parse('{"type":"x","__proto__":{"polluted":true}}') as Record<string, unknown>;
      const received = serializer.deserialize(serializer.serialize(sent)) as Record<string, unknown>;
      expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(received, "__proto__")?.value).toEqual({ polluted: true });
      expect(received["polluted"]).toBeUndefined();
    }
  });

  it("leaves a string value __proto__, and a message without the key, exactly as msgpack decodes them", () => {
    const decoder = new OwnProtoDecoder();
    expect(decoder.decode(encode({ type: "x", text: "__proto__", list: ["__proto__"] }))).toEqual({
      type: "x",
      text: "__proto__",
      list: ["__proto__"],
    });
    const bytes = new Uint8Array([1, 2, 3]);
    const plain = decoder.decode(encode({ type: "y", bytes, n: 1.5 })) as { bytes: Uint8Array };
    expect(plain).toEqual({ type: "y", bytes, n: 1.5 });
    expect(plain.bytes).toBeInstanceOf(Uint8Array);
  });
});

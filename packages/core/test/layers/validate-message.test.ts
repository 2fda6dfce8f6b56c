import { validateMessage } from "../../src/layers";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

describe("validateMessage", () => {
  it("accepts plain data of every allowed kind, nested", () => {
    const message = {
      type: "chat.message",
      text: "hi",
      n: 1.5,
      nan: Number.NaN,
      ok: false,
      none: null,
      bytes: new Uint8Array([1, 2]),
      buffer: Buffer.from("abc"),
      list: [1, ["two", { three: [3] }]],
      nested: { deep: { deeper: { value: "x" } } },
    };
    expect(() => validateMessage(message)).not.toThrow();
  });

  it("accepts a null-prototype object", () => {
    const message = Object.assign(Object.create(null) as Record<string, unknown>, { type: "x", text: "y" });
    expect(() => validateMessage(message)).not.toThrow();
  });

  it("accepts the same object referenced twice (a shared value is not a cycle)", () => {
    const shared = { name: "ada" };
    expect(() => validateMessage({ type: "x", from: shared, to: shared, both: [shared, shared] })).not.toThrow();
  });

  it.each<[string, unknown, RegExp]>([
    ["a string", "chat.message", /expected a plain object with a string "type", got a string/],
    ["null", null, /got null/],
    ["an array", [{ type: "x" }], /got an array/],
    ["a class instance", new Point(1, 2), /got an instance of Point/],
    ["a Map", new Map([["type", "x"]]), /got a Map/],
    ["no type", { text: "hi" }, /message\.type must be a string.*got undefined/],
    ["a numeric type", { type: 3 }, /message\.type must be a string.*got a number/],
  ])("rejects %s at the top level", (_label, message, expected) => {
    expect(() => validateMessage(message)).toThrow(TypeError);
    expect(() => validateMessage(message)).toThrow(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["undefined", { type: "x", text: undefined }, "message.text is undefined (omit the key or use null)"],
    ["a bigint", { type: "x", id: 1n }, "message.id is a bigint"],
    ["a function", { type: "x", callback: () => undefined }, "message.callback is a function"],
    ["a symbol", { type: "x", tag: Symbol("t") }, "message.tag is a symbol"],
    ["a Date", { type: "x", when: new Date(0) }, "message.when is a Date (send date.toISOString()"],
    ["a Set", { type: "x", tags: new Set(["a"]) }, "message.tags is a Set"],
    ["a class instance", { type: "x", at: new Point(0, 0) }, "message.at is an instance of Point"],
    [
      "an ArrayBuffer",
      { type: "x", raw: new ArrayBuffer(2) },
      "message.raw is an ArrayBuffer (wrap the bytes in a Uint8Array)",
    ],
    ["an Int16Array", { type: "x", samples: new Int16Array(2) }, "message.samples is an Int16Array"],
    [
      "a hole in an array",
      { type: "x", payload: { items: [1, 2, undefined] } },
      "message.payload.items[2] is undefined",
    ],
    // eslint-disable-next-line no-sparse-arrays -- a hole is the case under test
    ["a sparse array", { type: "x", list: [1, , 3] }, "message.list[1] is undefined"],
    ["a non-identifier key", { type: "x", "user name": { when: new Date(0) } }, 'message["user name"].when is a Date'],
    ["deep nesting", { type: "x", a: [{ b: [[{ c: () => 0 }]] }] }, "message.a[0].b[0][0].c is a function"],
  ])("rejects %s, naming the key path", (_label, message, expected) => {
    expect(() => validateMessage(message)).toThrow(TypeError);
    expect(() => validateMessage(message)).toThrow(expected);
  });

  it("rejects cycles through objects and arrays, naming where the cycle closes", () => {
    const room: Record<string, unknown> = { name: "lobby" };
    room.self = room;
    expect(() => validateMessage({ type: "x", room })).toThrow("message.room.self is a circular reference");
    const list: unknown[] = [1];
    list.push(list);
    expect(() => validateMessage({ type: "x", list })).toThrow("message.list[1] is a circular reference");
  });

  it("is usable again after a rejection (the cycle bookkeeping is reset)", () => {
    expect(() => validateMessage({ type: "x", a: { b: { c: undefined } } })).toThrow(TypeError);
    const shared = { v: 1 };
    expect(() => validateMessage({ type: "x", first: shared, second: { shared } })).not.toThrow();
  });
});

describe("validateMessage and Unicode", () => {
  it("rejects a lone surrogate in a value or a key, naming where, and accepts real astral characters", () => {
    const lone = JSON.parse('"hi \\ud83d"') as string;
    expect(() => validateMessage({ type: "chat.message", text: lone })).toThrow(
      /message\.text is a string with a lone UTF-16 surrogate/,
    );
    expect(() => validateMessage({ type: "x", nested: { [lone]: 1 } })).toThrow(/lone UTF-16 surrogate/);
    expect(() => validateMessage({ type: "chat.message", text: "smile \ud83d\ude00 中文" })).not.toThrow();
  });
});

import { frozenCopy, validatedFrozenCopy } from "../../src/layers/frozen-copy";
import { validateMessage } from "../../src/layers/validate-message";

function deep(levels: number): Record<string, unknown> {
  let inner: Record<string, unknown> = { leaf: "x" };
  for (let i = 0; i < levels; i++) inner = { next: inner };
  return { type: "deep", inner };
}

const circular: Record<string, unknown> = { type: "loop" };
circular.self = circular;

const cases: Array<[string, unknown]> = [
  ["a minimal message", { type: "a" }],
  ["nested data", { type: "a", list: [1, "two", true, null, { k: [new Uint8Array([3])] }], n: 1.5 }],
  ["a __proto__ key from JSON", JSON.parse('{"type":"a","__proto__":{"x":1}}')],
  ["a null-prototype object", Object.assign(Object.create(null) as object, { type: "a" })],
  ["a message deeper than the fast walk", deep(40)],
  ["no type", { text: "x" }],
  ["a numeric type", { type: 1 }],
  ["undefined inside", { type: "a", list: [undefined] }],
  ["a lone surrogate", { type: "a", text: "\ud800" }],
  ["a lone surrogate in a key", { type: "a", ["\udc00"]: 1 }],
  ["a Date", { type: "a", when: new Date(0) }],
  ["a class instance", { type: "a", value: new (class Point {})() }],
  ["a Map", { type: "a", map: new Map() }],
  ["a cycle", circular],
  ["a bigint", { type: "a", n: 1n }],
  ["not an object", "hello"],
  ["null", null],
];

describe("validatedFrozenCopy", () => {
  it.each(cases)("agrees with validateMessage then frozenCopy for %s", (_name, message) => {
    let expectedError: unknown;
    try {
      validateMessage(message);
    } catch (error) {
      expectedError = error;
    }
    if (expectedError !== undefined) {
      expect(() => validatedFrozenCopy(message)).toThrow((expectedError as Error).message);
      return;
    }
    const copy = validatedFrozenCopy(message);
    expect(copy).toEqual(frozenCopy(message as never));
    expect(copy).not.toBe(message);
    expect(Object.isFrozen(copy)).toBe(true);
  });

  it("freezes every nested object and array, and copies byte arrays", () => {
    const bytes = new Uint8Array([1, 2]);
    const copy = validatedFrozenCopy({ type: "a", inner: { list: [bytes] } }) as unknown as {
      inner: { list: Uint8Array[] };
    };
    expect(Object.isFrozen(copy.inner)).toBe(true);
    expect(Object.isFrozen(copy.inner.list)).toBe(true);
    expect(copy.inner.list[0]).not.toBe(bytes);
    expect(copy.inner.list[0]).toEqual(bytes);
  });
});

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const frozen_copy_1 = require("../../src/layers/frozen-copy");
const validate_message_1 = require("../../src/layers/validate-message");
function deep(levels) {
    let inner = { leaf: "x" };
    for (let i = 0; i < levels; i++)
        inner = { next: inner };
    return { type: "deep", inner };
}
const circular = { type: "loop" };
circular.self = circular;
const cases = [
    ["a minimal message", { type: "a" }],
    ["nested data", { type: "a", list: [1, "two", true, null, { k: [new Uint8Array([3])] }], n: 1.5 }],
    ["a __proto__ key from JSON", JSON.parse('{"type":"a","__proto__":{"x":1}}')],
    ["a null-prototype object", Object.assign(Object.create(null), { type: "a" })],
    ["a message deeper than the fast walk", deep(40)],
    ["no type", { text: "x" }],
    ["a numeric type", { type: 1 }],
    ["undefined inside", { type: "a", list: [undefined] }],
    ["a lone surrogate", { type: "a", text: "\ud800" }],
    ["a lone surrogate in a key", { type: "a", ["\udc00"]: 1 }],
    ["a Date", { type: "a", when: new Date(0) }],
    ["a class instance", { type: "a", value: new (class Point {
            })() }],
    ["a Map", { type: "a", map: new Map() }],
    ["a cycle", circular],
    ["a bigint", { type: "a", n: 1n }],
    ["not an object", "hello"],
    ["null", null],
];
describe("validatedFrozenCopy", () => {
    it.each(cases)("agrees with validateMessage then frozenCopy for %s", (_name, message) => {
        let expectedError;
        try {
            (0, validate_message_1.validateMessage)(message);
        }
        catch (error) {
            expectedError = error;
        }
        if (expectedError !== undefined) {
            expect(() => (0, frozen_copy_1.validatedFrozenCopy)(message)).toThrow(expectedError.message);
            return;
        }
        const copy = (0, frozen_copy_1.validatedFrozenCopy)(message);
        expect(copy).toEqual((0, frozen_copy_1.frozenCopy)(message));
        expect(copy).not.toBe(message);
        expect(Object.isFrozen(copy)).toBe(true);
    });
    it("freezes every nested object and array, and copies byte arrays", () => {
        const bytes = new Uint8Array([1, 2]);
        const copy = (0, frozen_copy_1.validatedFrozenCopy)({ type: "a", inner: { list: [bytes] } });
        expect(Object.isFrozen(copy.inner)).toBe(true);
        expect(Object.isFrozen(copy.inner.list)).toBe(true);
        expect(copy.inner.list[0]).not.toBe(bytes);
        expect(copy.inner.list[0]).toEqual(bytes);
    });
});
//# sourceMappingURL=validated-frozen-copy.test.js.map
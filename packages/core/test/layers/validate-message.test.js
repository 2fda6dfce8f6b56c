"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layers_1 = require("../../src/layers");
class Point {
    x;
    y;
    constructor(x, y) {
        this.x = x;
        this.y = y;
    }
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
        expect(() => (0, layers_1.validateMessage)(message)).not.toThrow();
    });
    it("accepts a null-prototype object", () => {
        const message = Object.assign(Object.create(null), { type: "x", text: "y" });
        expect(() => (0, layers_1.validateMessage)(message)).not.toThrow();
    });
    it("accepts the same object referenced twice (a shared value is not a cycle)", () => {
        const shared = { name: "ada" };
        expect(() => (0, layers_1.validateMessage)({ type: "x", from: shared, to: shared, both: [shared, shared] })).not.toThrow();
    });
    it.each([
        ["a string", "chat.message", /expected a plain object with a string "type", got a string/],
        ["null", null, /got null/],
        ["an array", [{ type: "x" }], /got an array/],
        ["a class instance", new Point(1, 2), /got an instance of Point/],
        ["a Map", new Map([["type", "x"]]), /got a Map/],
        ["no type", { text: "hi" }, /message\.type must be a string.*got undefined/],
        ["a numeric type", { type: 3 }, /message\.type must be a string.*got a number/],
    ])("rejects %s at the top level", (_label, message, expected) => {
        expect(() => (0, layers_1.validateMessage)(message)).toThrow(TypeError);
        expect(() => (0, layers_1.validateMessage)(message)).toThrow(expected);
    });
    it.each([
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
        expect(() => (0, layers_1.validateMessage)(message)).toThrow(TypeError);
        expect(() => (0, layers_1.validateMessage)(message)).toThrow(expected);
    });
    it("rejects cycles through objects and arrays, naming where the cycle closes", () => {
        const room = { name: "lobby" };
        room.self = room;
        expect(() => (0, layers_1.validateMessage)({ type: "x", room })).toThrow("message.room.self is a circular reference");
        const list = [1];
        list.push(list);
        expect(() => (0, layers_1.validateMessage)({ type: "x", list })).toThrow("message.list[1] is a circular reference");
    });
    it("is usable again after a rejection (the cycle bookkeeping is reset)", () => {
        expect(() => (0, layers_1.validateMessage)({ type: "x", a: { b: { c: undefined } } })).toThrow(TypeError);
        const shared = { v: 1 };
        expect(() => (0, layers_1.validateMessage)({ type: "x", first: shared, second: { shared } })).not.toThrow();
    });
});
describe("validateMessage and Unicode", () => {
    it("rejects a lone surrogate in a value or a key, naming where, and accepts real astral characters", () => {
        const lone = JSON.parse('"hi \\ud83d"');
        expect(() => (0, layers_1.validateMessage)({ type: "chat.message", text: lone })).toThrow(/message\.text is a string with a lone UTF-16 surrogate/);
        expect(() => (0, layers_1.validateMessage)({ type: "x", nested: { [lone]: 1 } })).toThrow(/lone UTF-16 surrogate/);
        expect(() => (0, layers_1.validateMessage)({ type: "chat.message", text: "smile \ud83d\ude00 中文" })).not.toThrow();
    });
});
//# sourceMappingURL=validate-message.test.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layers_1 = require("../../src/layers");
describe("validateChannelName", () => {
    it.each([
        "test-channel-1",
        "chat.room_1",
        "a",
        "specific.inmemory!abcDEF123",
        "specific.inmemory!",
        "daphne.response.ABC!x-y_z.1",
        "x".repeat(99),
    ])("accepts %j", (name) => {
        expect(() => (0, layers_1.validateChannelName)(name)).not.toThrow();
    });
    it.each([
        ["", '""'],
        ["has space", '"has space"'],
        ["!leading-bang", '"!leading-bang"'],
        ["two!bangs!", '"two!bangs!"'],
        ["slash/path", '"slash/path"'],
        ["café", '"café"'],
        ["specific!ünïcode", '"specific!ünïcode"'],
        ["x".repeat(100), "(100 characters)"],
        [42, "of type number"],
        [null, "null"],
        [undefined, "of type undefined"],
        [{ toString: () => "chat" }, "of type object"],
    ])("rejects %p with a TypeError naming it", (name, shown) => {
        expect(() => (0, layers_1.validateChannelName)(name)).toThrow(TypeError);
        expect(() => (0, layers_1.validateChannelName)(name)).toThrow("Invalid channel name ");
        expect(() => (0, layers_1.validateChannelName)(name)).toThrow(shown);
        expect(() => (0, layers_1.validateChannelName)(name)).toThrow('ASCII letters, digits, "-", "_" and "."');
    });
    it("requires a specific name to end at the ! when receive is set, as Channels does", () => {
        expect(() => (0, layers_1.validateChannelName)("chat.x!", { receive: true })).not.toThrow();
        expect(() => (0, layers_1.validateChannelName)("chat.plain", { receive: true })).not.toThrow();
        expect(() => (0, layers_1.validateChannelName)("chat.x!abc", { receive: true })).toThrow(/must end at the "!"/);
        expect(() => (0, layers_1.validateChannelName)("chat.x!abc")).not.toThrow();
    });
});
describe("validateGroupName", () => {
    it.each(["chat", "room-1.users_all", "g".repeat(99)])("accepts %j", (name) => {
        expect(() => (0, layers_1.validateGroupName)(name)).not.toThrow();
    });
    it.each(["", "with!bang", "tab\tname", "naïve", "g".repeat(100), 7, null, ["chat"]])("rejects %p with a TypeError", (name) => {
        expect(() => (0, layers_1.validateGroupName)(name)).toThrow(TypeError);
        expect(() => (0, layers_1.validateGroupName)(name)).toThrow(/^Invalid group name .*\(no "!"\)\.$/);
    });
});
describe("validateChannelPrefix", () => {
    it("accepts a group-style prefix that leaves room for the suffix", () => {
        expect(() => (0, layers_1.validateChannelPrefix)("chat.room", 20)).not.toThrow();
    });
    it.each(["", "has!bang", "with space", "p".repeat(80), 3])("rejects %p", (prefix) => {
        expect(() => (0, layers_1.validateChannelPrefix)(prefix, 21)).toThrow(TypeError);
        expect(() => (0, layers_1.validateChannelPrefix)(prefix, 21)).toThrow("Invalid channel prefix");
    });
});
//# sourceMappingURL=validate-names.test.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const errors_1 = require("../../src/errors");
const layers_1 = require("../../src/layers");
describe("globToRegExp (Python fnmatch)", () => {
    it.each([
        ["http.response!*", "http.response!abc", true],
        ["http.response!*", "http.response!", true],
        ["http.response!*", "xhttp.response!abc", false],
        ["chat.*", "chat.room!x.y", true],
        ["chat.?", "chat.a", true],
        ["chat.?", "chat.ab", false],
        ["room[0-9]", "room7", true],
        ["room[0-9]", "roomx", false],
        ["room[!0-9]", "roomx", true],
        ["room[!0-9]", "room7", false],
        ["[]x]", "]", true],
        ["[!]x]", "a", true],
        ["[!]x]", "]", false],
        ["a[b", "a[b", true],
        ["dots.are.literal", "dotsXareXliteral", false],
        ["plus+paren(", "plus+paren(", true],
        ["exact", "exact.more", false],
    ])("%j against %j is %p", (glob, name, expected) => {
        expect((0, layers_1.globToRegExp)(glob).test(name)).toBe(expected);
    });
});
describe("ChannelCapacities", () => {
    it("uses the first matching pattern, globs and RegExps alike, else the default", () => {
        const capacities = new layers_1.ChannelCapacities([
            ["http.response!*", 10],
            [/^chat\.vip/, 500],
            ["chat.*", 50],
            [/^chat\.vip\.tiny$/, 1],
        ], 100);
        expect(capacities.get("http.response!abc")).toBe(10);
        expect(capacities.get("chat.vip.tiny")).toBe(500);
        expect(capacities.get("chat.lobby")).toBe(50);
        expect(capacities.get("worker")).toBe(100);
    });
    it("tests a RegExp as given, and ignores its g and y flags so matching is stateless", () => {
        const capacities = new layers_1.ChannelCapacities([[/vip/g, 5]], 100);
        expect(capacities.get("chat.vip")).toBe(5);
        expect(capacities.get("chat.vip")).toBe(5);
        expect(capacities.get("vip.lounge")).toBe(5);
    });
    it.each([
        ["not an array", { "chat.*": 3 }, "channelCapacity"],
        ["a pair too short", [["chat.*"]], "channelCapacity[0]"],
        ["a bad pattern", [[42, 3]], "channelCapacity[0][0]"],
        ["a reversed range", [["[z-a]", 3]], "channelCapacity[0][0]"],
        [
            "a zero capacity",
            [
                ["chat.*", 10],
                ["x", 0],
            ],
            "channelCapacity[1][1]",
        ],
        ["a fractional capacity", [["chat.*", 1.5]], "channelCapacity[0][1]"],
    ])("rejects %s, naming the option", (_label, value, option) => {
        const build = () => new layers_1.ChannelCapacities(value, 100);
        expect(build).toThrow(layers_1.InvalidLayerOption);
        expect(build).toThrow(`Invalid channel layer option ${option}:`);
    });
});
describe("InMemoryChannelLayer channelCapacity", () => {
    it("applies the first matching capacity to send()", async () => {
        const layer = new layers_1.InMemoryChannelLayer({
            capacity: 5,
            channelCapacity: [
                [/^tiny\./, 1],
                ["tiny.*", 3],
            ],
        });
        try {
            await layer.send("tiny.one", { type: "m" });
            const error = await layer.send("tiny.one", { type: "m" }).catch((e) => e);
            expect(error).toBeInstanceOf(errors_1.ChannelFull);
            expect(error.message).toContain('"tiny.one" is full (capacity 1)');
            for (let i = 0; i < 5; i++)
                await layer.send("other", { type: "m" });
            await expect(layer.send("other", { type: "m" })).rejects.toThrow("(capacity 5)");
        }
        finally {
            await layer.close();
        }
    });
});
//# sourceMappingURL=channel-capacity.test.js.map
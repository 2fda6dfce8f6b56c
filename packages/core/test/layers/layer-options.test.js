"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layers_1 = require("../../src/layers");
describe("layer options", () => {
    it("defaults to Channels' values", () => {
        const layer = new layers_1.InMemoryChannelLayer();
        expect(layers_1.LAYER_DEFAULTS).toEqual({ expiry: 60, groupExpiry: 86400, capacity: 100 });
        expect([layer.expiry, layer.groupExpiry, layer.capacity]).toEqual([60, 86400, 100]);
    });
    it("takes fractional seconds and converts them once", () => {
        const resolved = (0, layers_1.resolveLayerOptions)({ expiry: 0.25, groupExpiry: 1.5, capacity: 3 });
        expect(resolved.expiryMs).toBe(250);
        expect(resolved.groupExpiryMs).toBe(1500);
        expect(resolved.capacities.get("any")).toBe(3);
    });
    it("treats undefined as the default", () => {
        expect(new layers_1.InMemoryChannelLayer({ expiry: undefined, capacity: undefined }).capacity).toBe(100);
    });
    it.each([
        ["a negative expiry", { expiry: -1 }, "expiry: -1; expected a positive number of seconds"],
        ["a zero expiry", { expiry: 0 }, "expiry: 0"],
        ["an infinite expiry", { expiry: Infinity }, "expiry: Infinity"],
        ["a string expiry", { expiry: "60" }, 'expiry: "60"'],
        ["a NaN groupExpiry", { groupExpiry: Number.NaN }, "groupExpiry: NaN"],
        ["a negative groupExpiry", { groupExpiry: -5 }, "groupExpiry: -5"],
        ["a zero capacity", { capacity: 0 }, "capacity: 0; expected a positive integer"],
        ["a fractional capacity", { capacity: 2.5 }, "capacity: 2.5"],
        ["a channelCapacity object", { channelCapacity: { "a*": 1 } }, "channelCapacity: an object"],
        ["Python's option name", { group_expiry: 10 }, "group_expiry: 10; expected no such option"],
        ["an unknown option", { hosts: ["redis://"] }, "hosts: an array; expected no such option; use expiry, groupExpiry"],
    ])("rejects %s, naming it", (_label, options, expected) => {
        const build = () => new layers_1.InMemoryChannelLayer(options);
        expect(build).toThrow(layers_1.InvalidLayerOption);
        expect(build).toThrow(`Invalid channel layer option ${expected}`);
    });
    it("gives the error a stable code and the option name", () => {
        const error = (() => {
            try {
                return new layers_1.InMemoryChannelLayer({ capacity: -3 });
            }
            catch (caught) {
                return caught;
            }
        })();
        expect(error).toMatchObject({ code: "INVALID_LAYER_OPTION", option: "capacity" });
    });
});
//# sourceMappingURL=layer-options.test.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layers_1 = require("../../src/layers");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
describe("ChannelLayerRegistry", () => {
    const created = [];
    function make() {
        const layer = new layers_1.InMemoryChannelLayer();
        created.push(layer);
        return layer;
    }
    afterEach(async () => {
        await Promise.all(created.splice(0).map((layer) => layer.close()));
    });
    it("returns undefined for an alias that is not configured", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        expect(registry.get()).toBeUndefined();
        registry.configure({ other: make() });
        expect(registry.get("default")).toBeUndefined();
        expect(registry.get("missing")).toBeUndefined();
    });
    it("uses the default alias when none is given", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        const layer = make();
        registry.configure({ [layers_1.DEFAULT_CHANNEL_LAYER]: layer });
        expect(layers_1.DEFAULT_CHANNEL_LAYER).toBe("default");
        expect(registry.get()).toBe(layer);
    });
    it("creates a layer from its factory lazily, once", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        const factory = jest.fn(make);
        registry.configure({ default: factory });
        expect(factory).not.toHaveBeenCalled();
        const first = registry.get();
        expect(registry.get()).toBe(first);
        expect(factory).toHaveBeenCalledTimes(1);
        expect(first).toBeInstanceOf(layers_1.InMemoryChannelLayer);
    });
    it("does not cache a factory that threw", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        let calls = 0;
        registry.configure({
            default: () => {
                calls++;
                if (calls === 1)
                    throw new Error("redis not ready");
                return make();
            },
        });
        expect(() => registry.get()).toThrow("redis not ready");
        expect(registry.get()).toBeInstanceOf(layers_1.InMemoryChannelLayer);
    });
    it("replaces the whole configuration on configure()", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        const first = make();
        registry.configure({ default: first, extra: make() });
        expect(registry.get()).toBe(first);
        const second = make();
        registry.configure({ default: second });
        expect(registry.get()).toBe(second);
        expect(registry.get("extra")).toBeUndefined();
    });
    it("set() swaps a layer in and returns the one it replaced, so tests can restore it", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        const factory = jest.fn(make);
        registry.configure({ default: factory });
        const testLayer = make();
        const previous = registry.set("default", testLayer);
        expect(registry.get()).toBe(testLayer);
        expect(previous).toBeInstanceOf(layers_1.InMemoryChannelLayer);
        expect(registry.set("default", previous)).toBe(testLayer);
        expect(registry.get()).toBe(previous);
        expect(factory).toHaveBeenCalledTimes(1);
    });
    it("set(alias, undefined) switches an alias off, as set(alias, None) in Channels", () => {
        const registry = new layers_1.ChannelLayerRegistry();
        const layer = make();
        registry.configure({ default: () => layer });
        expect(registry.set("default", undefined)).toBe(layer);
        expect(registry.get()).toBeUndefined();
        expect(registry.set("fresh", make())).toBeUndefined();
    });
    it.each([
        ["null", null],
        ["a string", "channels.layers.InMemoryChannelLayer"],
        ["a number", 1],
    ])("rejects a configure() entry that is %s, naming the alias", (_label, entry) => {
        const registry = new layers_1.ChannelLayerRegistry();
        const configure = () => registry.configure({ main: entry });
        expect(configure).toThrow(layers_1.InvalidChannelLayerConfig);
        expect(configure).toThrow('alias "main"');
    });
});
describe("channelLayers and getChannelLayer", () => {
    const layer = (0, test_fixtures_1.useChannelLayer)({ alias: "registry-test" });
    it("share one process-wide registry", () => {
        expect((0, layers_1.getChannelLayer)("registry-test")).toBe(layer());
        expect(layers_1.channelLayers.get("registry-test")).toBe(layer());
        expect((0, layers_1.getChannelLayer)("registry-test-missing")).toBeUndefined();
    });
});
//# sourceMappingURL=channel-layer-registry.test.js.map
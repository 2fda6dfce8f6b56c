"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.installChannelLayer = installChannelLayer;
exports.useChannelLayer = useChannelLayer;
const core_1 = require("@channels-ts/core");
/**
 * Points `alias` at `layer` (or at no layer, for `undefined`) until the `await using` block ends:
 * `await using installed = installChannelLayer(new InMemoryChannelLayer())`.
 */
function installChannelLayer(layer, alias = "default") {
    const previous = core_1.channelLayers.set(alias, layer);
    return {
        layer,
        async [Symbol.asyncDispose]() {
            core_1.channelLayers.set(alias, previous);
            await layer?.close();
        },
    };
}
/**
 * A layer installed under `alias` (default "default") around each test, or around the whole
 * describe block with `per: "all"`, the previous one restored after. Returns a getter for it.
 */
function useChannelLayer(options = {}) {
    const make = options.make ?? (() => new core_1.InMemoryChannelLayer());
    let installed;
    const [before, after] = options.per === "all" ? [beforeAll, afterAll] : [beforeEach, afterEach];
    before(() => {
        installed = installChannelLayer(make(), options.alias);
    });
    after(async () => {
        await installed?.[Symbol.asyncDispose]();
        installed = undefined;
    });
    return () => {
        if (installed === undefined)
            throw new Error("useChannelLayer: no layer outside a test");
        return installed.layer;
    };
}
//# sourceMappingURL=channel-layer.js.map
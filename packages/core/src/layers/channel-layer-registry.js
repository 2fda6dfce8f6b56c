"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelLayers = exports.InvalidChannelLayerConfig = exports.ChannelLayerRegistry = exports.DEFAULT_CHANNEL_LAYER = void 0;
exports.getChannelLayer = getChannelLayer;
const errors_1 = require("../errors");
/** The alias consumers use unless they choose another, as Channels' DEFAULT_CHANNEL_LAYER. */
exports.DEFAULT_CHANNEL_LAYER = "default";
/**
 * The process-wide layer configuration, as Channels' CHANNEL_LAYERS and ChannelLayerManager:
 * `configure()` once at startup, `get(alias)` anywhere. Factories run lazily, once per alias.
 * `set()` swaps a layer in for tests; `set(alias, undefined)` means "no layer" for that alias,
 * as `channel_layers.set(alias, None)` in Channels.
 */
class ChannelLayerRegistry {
    config = new Map();
    /** Layers looked up or set; a present key with `undefined` is an alias switched off by set(). */
    layers = new Map();
    /** Replaces the whole configuration; layers created from the old one are forgotten, not closed. */
    configure(config) {
        const entries = Object.entries(config);
        for (const [alias, entry] of entries) {
            if (typeof entry !== "function" && (typeof entry !== "object" || entry === null)) {
                throw new InvalidChannelLayerConfig(alias, entry);
            }
        }
        this.config = new Map(entries);
        this.layers = new Map();
    }
    /** The layer for `alias`, creating it from its factory on first use; undefined when not configured. */
    get(alias = exports.DEFAULT_CHANNEL_LAYER) {
        if (this.layers.has(alias))
            return this.layers.get(alias);
        const entry = this.config.get(alias);
        if (entry === undefined)
            return undefined;
        const layer = typeof entry === "function" ? entry() : entry;
        this.layers.set(alias, layer);
        return layer;
    }
    /**
     * Points `alias` at `layer` (or at no layer) and returns the layer it replaced, i.e. what
     * `get(alias)` returned before (running a pending factory), so `set(alias, replaced)` restores
     * exactly. Nothing is closed.
     */
    set(alias, layer) {
        const replaced = this.get(alias);
        this.layers.set(alias, layer);
        return replaced;
    }
}
exports.ChannelLayerRegistry = ChannelLayerRegistry;
/** A `configure()` entry that is neither a channel layer nor a factory. */
class InvalidChannelLayerConfig extends errors_1.ChannelsError {
    constructor(alias, entry) {
        super(errors_1.ErrorCode.INVALID_CHANNEL_LAYER_CONFIG, `channelLayers.configure(): alias ${JSON.stringify(alias)} is ${entry === null ? "null" : typeof entry}; ` +
            "give a channel layer or a function returning one, e.g. { default: () => new InMemoryChannelLayer() }.");
    }
}
exports.InvalidChannelLayerConfig = InvalidChannelLayerConfig;
/** The process-wide registry. */
exports.channelLayers = new ChannelLayerRegistry();
/** The layer configured for `alias` (default "default"), or undefined when none is. */
function getChannelLayer(alias = exports.DEFAULT_CHANNEL_LAYER) {
    return exports.channelLayers.get(alias);
}
//# sourceMappingURL=channel-layer-registry.js.map
import { ChannelsError } from "../errors";
import type { ChannelLayer } from "./channel-layer";
/** The alias consumers use unless they choose another, as Channels' DEFAULT_CHANNEL_LAYER. */
export declare const DEFAULT_CHANNEL_LAYER = "default";
/** A layer, or a factory called the first time its alias is looked up. */
export type ChannelLayerConfig = Record<string, ChannelLayer | (() => ChannelLayer)>;
/**
 * The process-wide layer configuration, as Channels' CHANNEL_LAYERS and ChannelLayerManager:
 * `configure()` once at startup, `get(alias)` anywhere. Factories run lazily, once per alias.
 * `set()` swaps a layer in for tests; `set(alias, undefined)` means "no layer" for that alias,
 * as `channel_layers.set(alias, None)` in Channels.
 */
export declare class ChannelLayerRegistry {
    private config;
    /** Layers looked up or set; a present key with `undefined` is an alias switched off by set(). */
    private layers;
    /** Replaces the whole configuration; layers created from the old one are forgotten, not closed. */
    configure(config: ChannelLayerConfig): void;
    /** The layer for `alias`, creating it from its factory on first use; undefined when not configured. */
    get(alias?: string): ChannelLayer | undefined;
    /**
     * Points `alias` at `layer` (or at no layer) and returns the layer it replaced, i.e. what
     * `get(alias)` returned before (running a pending factory), so `set(alias, replaced)` restores
     * exactly. Nothing is closed.
     */
    set(alias: string, layer: ChannelLayer | undefined): ChannelLayer | undefined;
}
/** A `configure()` entry that is neither a channel layer nor a factory. */
export declare class InvalidChannelLayerConfig extends ChannelsError {
    constructor(alias: string, entry: unknown);
}
/** The process-wide registry. */
export declare const channelLayers: ChannelLayerRegistry;
/** The layer configured for `alias` (default "default"), or undefined when none is. */
export declare function getChannelLayer(alias?: string): ChannelLayer | undefined;

import { ChannelsError, ErrorCode } from "../errors";
import type { ChannelLayer } from "./channel-layer";

/** The alias consumers use unless they choose another, as Channels' DEFAULT_CHANNEL_LAYER. */
export const DEFAULT_CHANNEL_LAYER = "default";

/** A layer, or a factory called the first time its alias is looked up. */
export type ChannelLayerConfig = Record<string, ChannelLayer | (() => ChannelLayer)>;

/**
 * The process-wide layer configuration, as Channels' CHANNEL_LAYERS and ChannelLayerManager:
 * `configure()` once at startup, `get(alias)` anywhere. Factories run lazily, once per alias.
 * `set()` swaps a layer in for tests; `set(alias, undefined)` means "no layer" for that alias,
 * as `channel_layers.set(alias, None)` in Channels.
 */
export class ChannelLayerRegistry {
  private config = new Map<string, ChannelLayer | (() => ChannelLayer)>();
  /** Layers looked up or set; a present key with `undefined` is an alias switched off by set(). */
  private layers = new Map<string, ChannelLayer | undefined>();

  /** Replaces the whole configuration; layers created from the old one are forgotten, not closed. */
  configure(config: ChannelLayerConfig): void {
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
  get(alias: string = DEFAULT_CHANNEL_LAYER): ChannelLayer | undefined {
    if (this.layers.has(alias)) return this.layers.get(alias);
    const entry = this.config.get(alias);
    if (entry === undefined) return undefined;
    const layer = typeof entry === "function" ? entry() : entry;
    this.layers.set(alias, layer);
    return layer;
  }

  /**
   * Points `alias` at `layer` (or at no layer) and returns the layer it replaced, i.e. what
   * `get(alias)` returned before (running a pending factory), so `set(alias, replaced)` restores
   * exactly. Nothing is closed.
   */
  set(alias: string, layer: ChannelLayer | undefined): ChannelLayer | undefined {
    const replaced = this.get(alias);
    this.layers.set(alias, layer);
    return replaced;
  }
}

/** A `configure()` entry that is neither a channel layer nor a factory. */
export class InvalidChannelLayerConfig extends ChannelsError {
  constructor(alias: string, entry: unknown) {
    super(
      ErrorCode.INVALID_CHANNEL_LAYER_CONFIG,
      `channelLayers.configure(): alias ${JSON.stringify(alias)} is ${entry === null ? "null" : typeof entry}; ` +
        "give a channel layer or a function returning one, e.g. { default: () => new InMemoryChannelLayer() }.",
    );
  }
}

/** The process-wide registry. */
export const channelLayers = new ChannelLayerRegistry();

/** The layer configured for `alias` (default "default"), or undefined when none is. */
export function getChannelLayer(alias: string = DEFAULT_CHANNEL_LAYER): ChannelLayer | undefined {
  return channelLayers.get(alias);
}

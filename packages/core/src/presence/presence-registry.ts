import type { ChannelLayer } from "../layers/channel-layer";
import { InMemoryChannelLayer } from "../layers/in-memory-channel-layer";
import { InMemoryPresenceStore } from "./in-memory-presence-store";
import { Presence, type PresenceOptions } from "./presence";
import { PresenceUnsupported } from "./presence-errors";
import type { PresenceStore } from "./presence-store";
import type { PresenceState } from "./presence-types";

/** A layer that brings its own presence store (the Redis layers do). */
interface LayerWithPresence extends ChannelLayer {
  createPresenceStore(): PresenceStore;
}

// One Presence per layer object, made at first use, gone with the layer.
const presences = new WeakMap<ChannelLayer, Presence>();

/**
 * Sets how `layer`'s presence works (its store, the diff window) before anyone uses it; a
 * presence already made for the layer is closed and replaced. Returns the new one.
 */
export function configurePresence(layer: ChannelLayer, options: PresenceOptions = {}): Presence {
  const previous = presences.get(layer);
  if (previous !== undefined) void previous.close();
  const { store, ...rest } = options;
  const presence = new Presence(layer, store ?? storeFor(layer), rest);
  presences.set(layer, presence);
  return presence;
}

/** `layer`'s presence: the configured one, or one on the layer's own store, made now. */
export function presenceOf(layer: ChannelLayer): Presence {
  return presences.get(layer) ?? configurePresence(layer);
}

/** The presence made for `layer`, if any, without making one (a consumer that ends asks this). */
export function existingPresenceOf(layer: ChannelLayer): Presence | undefined {
  return presences.get(layer);
}

/** Every presence in `group` (Phoenix Presence's shape), from any process with the layer. */
export function listPresence(layer: ChannelLayer, group: string): Promise<PresenceState> {
  try {
    return presenceOf(layer).list(group);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** How many presences (metas: one per tracking consumer) `group` holds, without listing them. */
export function countPresence(layer: ChannelLayer, group: string): Promise<number> {
  try {
    return presenceOf(layer).count(group);
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

function storeFor(layer: ChannelLayer): PresenceStore {
  const own = (layer as Partial<LayerWithPresence>).createPresenceStore;
  if (typeof own === "function") return own.call(layer);
  if (layer instanceof InMemoryChannelLayer) return new InMemoryPresenceStore();
  throw new PresenceUnsupported(layer.constructor.name);
}

import type { ChannelLayerOptions } from "./channel-layer";
import { ChannelCapacities, requireCapacity } from "./channel-capacity";
import { InvalidLayerOption } from "./layer-errors";

/** The defaults of Channels' layers, in seconds and messages. */
export const LAYER_DEFAULTS = { expiry: 60, groupExpiry: 86400, capacity: 100 } as const satisfies ChannelLayerOptions;

/** The shared options, validated, with times in milliseconds and capacity patterns compiled. */
export interface ResolvedLayerOptions {
  readonly expiryMs: number;
  readonly groupExpiryMs: number;
  readonly capacities: ChannelCapacities;
}

/**
 * Validates the options every layer shares, over `LAYER_DEFAULTS`; throws `InvalidLayerOption`
 * naming the first bad one. Keys that only some layers have are left to those layers.
 */
export function resolveLayerOptions(options: ChannelLayerOptions = {}): ResolvedLayerOptions {
  const capacity = requireCapacity("capacity", options.capacity ?? LAYER_DEFAULTS.capacity);
  return {
    expiryMs: requireSeconds("expiry", options.expiry ?? LAYER_DEFAULTS.expiry) * 1000,
    groupExpiryMs: requireSeconds("groupExpiry", options.groupExpiry ?? LAYER_DEFAULTS.groupExpiry) * 1000,
    capacities: new ChannelCapacities(options.channelCapacity, capacity),
  };
}

function requireSeconds(option: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InvalidLayerOption(option, value, "a positive number of seconds (fractions allowed), e.g. 60");
  }
  return value;
}

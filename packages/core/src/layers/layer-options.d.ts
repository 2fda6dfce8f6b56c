import type { ChannelLayerOptions } from "./channel-layer";
import { ChannelCapacities } from "./channel-capacity";
/** The defaults of Channels' layers, in seconds and messages. */
export declare const LAYER_DEFAULTS: {
    readonly expiry: 60;
    readonly groupExpiry: 86400;
    readonly capacity: 100;
};
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
export declare function resolveLayerOptions(options?: ChannelLayerOptions): ResolvedLayerOptions;

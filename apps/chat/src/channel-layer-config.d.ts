import { type ChannelLayer } from "@channels-ts/core";
import { type LayerSettings } from "./environment";
export { LAYER_KINDS, type LayerKind } from "./environment";
/** The layer `settings` describe: in memory, or a Redis layer on `redisUrl`. */
export declare function layerFromSettings(settings: LayerSettings): ChannelLayer;
/** The layer for `CHANNEL_LAYER` (memory, default) and `REDIS_URL` (redis://127.0.0.1:6379); throws InvalidEnvironment. */
export declare function layerFromEnv(env?: NodeJS.ProcessEnv): ChannelLayer;
/**
 * Configures the "default" alias, once per process (like CHANNEL_LAYERS), from `settings` or
 * the environment, and returns the default layer. The environment is checked now, so a bad
 * CHANNEL_LAYER or REDIS_URL stops the process at startup rather than failing every request.
 */
export declare function configureChannelLayers(settings?: LayerSettings | NodeJS.ProcessEnv): ChannelLayer;

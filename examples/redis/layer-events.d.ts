import { RedisChannelLayer } from "@channels-ts/redis";
/** packages/redis/README.md: a Redis layer as the default layer, its outages in the log. */
export declare function configureRedisLayer(): RedisChannelLayer;
/** packages/redis/README.md: find out at startup, not at the first message, that Redis cannot be reached. */
export declare function connectAtStartup(layer: RedisChannelLayer): Promise<void>;

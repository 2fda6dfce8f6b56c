import { RedisChannelLayer } from "@channels-ts/redis";
export declare function configureRedis(): void;
export declare function watchRedis(): RedisChannelLayer;

/** The layers `CHANNEL_LAYER` may name. */
export declare const LAYER_KINDS: readonly ["memory", "redis", "redis-pubsub"];
export type LayerKind = (typeof LAYER_KINDS)[number];
export declare const DEFAULT_HOST = "127.0.0.1";
export declare const DEFAULT_PORT = 8000;
export declare const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
export type LayerSettings = {
    kind: "memory";
} | {
    kind: "redis" | "redis-pubsub";
    redisUrl: string;
};
/** What `npm start` runs with, read from HOST, PORT, CHANNEL_LAYER and REDIS_URL. */
export interface ChatEnvironment {
    host: string;
    port: number;
    layer: LayerSettings;
    /** One log line per connection and request (ACCESS_LOG, as the CLI's; on by default). */
    accessLog: boolean;
}
/**
 * Reads and checks the chat's environment at once, so a typo stops the process at startup with
 * an `InvalidEnvironment` naming the variable, instead of surfacing as errors on every request.
 * An empty value counts as unset (`PORT= npm start` is `npm start`).
 */
export declare function readChatEnvironment(env?: NodeJS.ProcessEnv): ChatEnvironment;
/** `CHANNEL_LAYER` and, for the Redis layers, `REDIS_URL`. */
export declare function readLayerSettings(env?: NodeJS.ProcessEnv): LayerSettings;

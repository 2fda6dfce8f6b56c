import type { ChannelLayer, ChannelLayerOptions } from "./channel-layer";
/**
 * The channel layer contract as one Jest suite, run unchanged against every implementation
 * (Hono's `runTest({ newRouter })` idea). It only uses the `ChannelLayer` interface, awaits
 * every delivery (a layer may deliver over a network), and uses fresh, valid names per test so
 * that layers sharing a server (Redis) do not see each other's data.
 *
 * `transport: "pubsub"` is for layers that forward messages to current subscribers and keep
 * nothing (Redis pub/sub): they have no capacity and no expiry, and only a channel that is
 * being listened to (one from `newChannel()`) gets messages, so tests that rely on stored
 * messages run for "queue" only.
 */
export interface ChannelLayerContractOptions {
    name: string;
    newLayer: (options?: ChannelLayerOptions) => ChannelLayer | Promise<ChannelLayer>;
    transport?: "queue" | "pubsub";
    /** Optional fast paths the layer implements, tested as part of its contract. */
    fastPaths?: ReadonlyArray<"receiveInto">;
}
export declare function runChannelLayerContract(options: ChannelLayerContractOptions): void;

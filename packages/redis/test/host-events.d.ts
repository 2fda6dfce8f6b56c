import type { ChannelLayer } from "@channels-ts/core";
import type { HostEvent } from "@channels-ts/redis";
/** A Redis layer as these tests use it: closable, and reporting its hosts going down and up. */
export type EventfulLayer = ChannelLayer & {
    close(): Promise<void>;
    once(event: "down" | "up", listener: (event: HostEvent) => void): unknown;
};
/** The next `down` or `up` event of `layer`. */
export declare function nextHostEvent(layer: EventfulLayer, event: "down" | "up"): Promise<HostEvent>;

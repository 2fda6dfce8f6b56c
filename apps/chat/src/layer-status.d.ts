import type { ChannelLayer } from "@channels-ts/core";
import type { LayerSettings } from "./environment";
export interface StatusLog {
    info(line: string): void;
    warn(line: string): void;
}
/**
 * Connects a Redis layer now and reports, one line each, that it is connected, that its Redis
 * cannot be reached (at startup: a wrong REDIS_URL or a Redis not started) or went down, and
 * that it is back. The layer keeps retrying on its own; the process stays up meanwhile.
 */
export declare function reportLayerStatus(layer: ChannelLayer, settings: LayerSettings, log?: StatusLog): void;

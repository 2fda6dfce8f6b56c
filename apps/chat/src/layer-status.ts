import type { ChannelLayer } from "@channels-ts/core";
import type { LayerSettings } from "./environment";

/** What a Redis layer tells about its hosts: the part of its API the chat reports from. */
interface HostReporting {
  connect(): Promise<void>;
  on(event: "down", listener: (event: { host: string; error: Error; firstConnection: boolean }) => void): unknown;
  on(event: "up", listener: (event: { host: string }) => void): unknown;
}

export interface StatusLog {
  info(line: string): void;
  warn(line: string): void;
}

/**
 * Connects a Redis layer now and reports, one line each, that it is connected, that its Redis
 * cannot be reached (at startup: a wrong REDIS_URL or a Redis not started) or went down, and
 * that it is back. The layer keeps retrying on its own; the process stays up meanwhile.
 */
export function reportLayerStatus(layer: ChannelLayer, settings: LayerSettings, log: StatusLog = console): void {
  if (settings.kind === "memory") return;
  const redis = layer as ChannelLayer & HostReporting;
  let reported = false;
  redis.on("down", ({ host, error, firstConnection }) => {
    reported = true;
    log.warn(
      firstConnection
        ? `chat: Redis ${host} is unreachable (${error.message}); start it or fix REDIS_URL. ` +
            "Retrying; WebSocket clients are closed with 1013 until it is up."
        : `chat: Redis ${host} went down (${error.message}); reconnecting.`,
    );
  });
  redis.on("up", ({ host }) => log.info(`chat: Redis ${host} is up.`));
  redis.connect().then(
    () => {
      if (!reported) log.info(`chat: connected to Redis ${settings.redisUrl}.`);
    },
    () => undefined, // reported by the `down` listener, which sees every failure first
  );
}

import { channelLayers, drops, onHandlerDuration } from "@channels-ts/core";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Connection } from "./connection";
import type { ServerStats } from "./server-stats";

/** What the metrics read of one server, on scrape. */
export interface MetricsSource {
  readonly stats: ServerStats;
  readonly connections: ReadonlySet<Connection>;
  readonly layerAliases: readonly string[];
}

/** A scrape waits at most this long for a layer's PING; a layer that does not answer counts as down. */
const PING_TIMEOUT_MS = 1000;

/** Bucket bounds of the handler histogram, in seconds: 0.1 ms to 10 s. */
const HANDLER_BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

/**
 * The server's Prometheus metrics, on a registry of its own (two servers in one process do not
 * mix theirs). Everything is read when scraped (the stats counters, the live connections, the
 * layers' stats() and ping(), the process drop totals); only the handler histogram is fed as
 * handlers run, through core's handler clock, which is off until this subscribes.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly stopTiming: () => void;

  constructor(source: MetricsSource) {
    const registers = [this.registry];
    new Gauge({
      name: "channels_connections_open",
      help: "HTTP requests and WebSocket connections open now, by protocol.",
      labelNames: ["protocol"],
      registers,
      collect() {
        let websocket = 0;
        for (const connection of source.connections) if (connection.protocol === "websocket") websocket++;
        this.set({ protocol: "http" }, source.connections.size - websocket);
        this.set({ protocol: "websocket" }, websocket);
      },
    });
    new Counter({
      name: "channels_connections_total",
      help: "HTTP requests and WebSocket connections since the server started, by protocol.",
      labelNames: ["protocol"],
      registers,
      collect() {
        this.reset();
        this.inc({ protocol: "http" }, source.stats.httpRequests);
        this.inc({ protocol: "websocket" }, source.stats.websocketConnections);
      },
    });
    new Counter({
      name: "channels_messages_received_total",
      help: "WebSocket messages received from clients and handed to the application.",
      registers,
      collect() {
        this.reset();
        this.inc(source.stats.messagesReceived);
      },
    });
    new Counter({
      name: "channels_messages_sent_total",
      help: "WebSocket messages the application sent that were written to their client's socket.",
      registers,
      collect() {
        this.reset();
        this.inc(source.stats.messagesSent);
      },
    });
    new Gauge({
      name: "channels_queued_bytes",
      help: "Bytes written to WebSocket clients and not yet taken by them (all connections).",
      registers,
      collect() {
        let bytes = 0;
        for (const connection of source.connections) bytes += connection.queuedBytes;
        this.set(bytes);
      },
    });
    new Counter({
      name: "channels_dropped_total",
      help: "Messages not delivered, by reason and by who dropped them (process-wide: every layer, consumer and server).",
      labelNames: ["reason", "origin"],
      registers,
      collect() {
        this.reset();
        for (const { origin, reason, count } of drops.totals()) this.inc({ reason, origin }, count);
      },
    });
    new Gauge({
      name: "channels_layer_channels",
      help: "Channels the channel layer holds in this process (queued messages, waiting receivers or memberships).",
      labelNames: ["alias"],
      registers,
      collect() {
        this.reset();
        forEachLayerStats(source.layerAliases, (alias, stats) => this.set({ alias }, stats.channels));
      },
    });
    new Gauge({
      name: "channels_layer_groups",
      help: "Groups this process holds memberships of, in the channel layer.",
      labelNames: ["alias"],
      registers,
      collect() {
        this.reset();
        forEachLayerStats(source.layerAliases, (alias, stats) => this.set({ alias }, stats.groups));
      },
    });
    // Both gauges come from one round of PINGs per scrape (shared, so a layer is pinged once).
    const checks = new LayerChecks(source.layerAliases);
    new Gauge({
      name: "channels_layer_up",
      help: "1 while the channel layer's backing store is reachable (the in-memory layer always is), 0 while it is down.",
      labelNames: ["alias"],
      registers,
      async collect() {
        const results = await checks.run();
        this.reset();
        for (const { alias, up } of results) this.set({ alias }, up ? 1 : 0);
      },
    });
    new Gauge({
      name: "channels_layer_round_trip_seconds",
      help: "Time of one PING to the channel layer's backing store, measured on scrape (absent while it is down).",
      labelNames: ["alias"],
      registers,
      async collect() {
        const results = await checks.run();
        this.reset();
        for (const { alias, seconds } of results) if (seconds !== undefined) this.set({ alias }, seconds);
      },
    });
    const handlerSeconds = new Histogram({
      name: "channels_handler_duration_seconds",
      help: "Time consumer handlers took, per message (async handlers until their promise settled).",
      buckets: HANDLER_BUCKETS,
      registers,
    });
    this.stopTiming = onHandlerDuration((seconds) => handlerSeconds.observe(seconds));
  }

  /** The exposition, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Stops timing handlers (the server has shut down). */
  stop(): void {
    this.stopTiming();
  }
}

interface LayerCheck {
  alias: string;
  up: boolean;
  /** The PING's round trip; undefined for a layer that cannot ping, or is down. */
  seconds: number | undefined;
}

/** One round of layer checks at a time: the collectors of one scrape share it. */
class LayerChecks {
  private running: Promise<LayerCheck[]> | undefined;

  constructor(private readonly aliases: readonly string[]) {}

  run(): Promise<LayerCheck[]> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<LayerCheck[]> {
    const results: LayerCheck[] = [];
    await Promise.all(
      this.aliases.map(async (alias) => {
        const layer = channelLayers.get(alias);
        if (layer === undefined) return;
        let up = layer.stats?.().up ?? true;
        let seconds: number | undefined;
        if (up && layer.ping !== undefined) {
          seconds = await withTimeout(layer.ping(), PING_TIMEOUT_MS);
          if (seconds === undefined) up = false;
        }
        results.push({ alias, up, seconds });
      }),
    );
    return results;
  }
}

function forEachLayerStats(
  aliases: readonly string[],
  each: (alias: string, stats: { channels: number; groups: number }) => void,
): void {
  for (const alias of aliases) {
    const stats = channelLayers.get(alias)?.stats?.();
    if (stats !== undefined) each(alias, stats);
  }
}

/** `promise`'s value, or undefined once it rejects or `ms` pass. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
    timer.unref();
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/**
 * The chat's application in a process of its own, as `npm start` serves it, with what a test
 * needs to look inside: the layer and server options as JSON (HARNESS_LAYER_OPTIONS,
 * HARNESS_SERVER_OPTIONS), and `GET /__stats`, which runs the garbage collector (the process is
 * started with --expose-gc) and answers the heap, the RSS and what the layer holds. Run by
 * `startHarness` (harness-process.ts); not part of the app.
 */
import { channelLayers, InMemoryChannelLayer, type Application, type ChannelLayer } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { serve, stopOnShutdownSignals, type ServeOptions } from "@channels-ts/server";
import { chatLogger } from "../../src/chat-logger";

export interface HarnessStats {
  heapUsed: number;
  rss: number;
  /** Open connections of the node:http server. */
  connections: number;
  /** In memory: the layer's own counts; Redis: the memberships it remembers and its mailboxes. */
  layer: { channels: number; groups: number; queuedMessages?: number };
  drops?: Record<string, number>;
  /** A Redis layer's channel-name marker: its channels are `<prefix>.<clientPrefix>!<id>`. */
  clientPrefix?: string;
}

function options(name: string): Record<string, unknown> {
  const text = process.env[name];
  return text === undefined || text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}

function makeLayer(kind: string): ChannelLayer {
  const layerOptions = options("HARNESS_LAYER_OPTIONS");
  const hosts = [process.env.REDIS_URL ?? "redis://127.0.0.1:6379"];
  if (kind === "memory") return new InMemoryChannelLayer(layerOptions);
  if (kind === "redis") return new RedisChannelLayer({ hosts, ...layerOptions });
  if (kind === "redis-pubsub") return new RedisPubSubChannelLayer({ hosts, ...layerOptions });
  throw new Error(`HARNESS_LAYER ${JSON.stringify(kind)}: use memory, redis or redis-pubsub`);
}

/** What the Redis layers hold per process (private fields, read for the test only). */
interface RedisInternals {
  memberships: { groups(): Iterable<[string, Map<string, number>]> };
  droppedCounts: Record<string, number>;
  clientPrefix: string;
}

function layerStats(layer: ChannelLayer): Pick<HarnessStats, "layer" | "drops" | "clientPrefix"> {
  if (layer instanceof InMemoryChannelLayer) return { layer: layer.stats() };
  const redis = layer as unknown as RedisInternals;
  let groups = 0;
  const channels = new Set<string>();
  for (const [, members] of redis.memberships.groups()) {
    groups++;
    for (const channel of members.keys()) channels.add(channel);
  }
  return { layer: { channels: channels.size, groups }, drops: redis.droppedCounts, clientPrefix: redis.clientPrefix };
}

async function main(): Promise<void> {
  const kind = process.env.HARNESS_LAYER ?? "memory";
  const layer = makeLayer(kind);
  channelLayers.configure({ default: layer });
  // Imported after the layer is configured: the application module configures "default" only when unset.
  const { application } = await import("../../src/application");
  // Set once listening; the stats route reads it.
  const served: { handle?: Awaited<ReturnType<typeof serve>> } = {};
  const withStats: Application = async (scope, receive, send) => {
    if (scope.type !== "http" || scope.path !== "/__stats") return application(scope, receive, send);
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 4; i++) gc?.();
    const memory = process.memoryUsage();
    const connections = await new Promise<number>((resolve) =>
      served.handle === undefined ? resolve(0) : served.handle.server.getConnections((_error, count) => resolve(count)),
    );
    const stats: HarnessStats = { heapUsed: memory.heapUsed, rss: memory.rss, connections, ...layerStats(layer) };
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "application/json"]] });
    await send({ type: "http.response.body", body: Buffer.from(JSON.stringify(stats)) });
  };
  const server = await serve(withStats, {
    host: "127.0.0.1",
    port: 0,
    accessLog: false,
    ...(options("HARNESS_SERVER_OPTIONS") as ServeOptions),
  });
  served.handle = server;
  console.log(`harness: listening on 127.0.0.1:${server.address.port} (layer ${kind}, pid ${process.pid})`);
  stopOnShutdownSignals(async () => {
    await server.close();
    await layer.close();
  }, chatLogger);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

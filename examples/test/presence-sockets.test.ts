import { once } from "node:events";
import WebSocket from "ws";
import { InMemoryChannelLayer, URLRouter, path, type ChannelLayer, type PresenceDiffMessage } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, installChannelLayer, startServer, useRedisServer } from "@channels-ts/test-fixtures";
import { RoomConsumer } from "../docs/presence/room";

/** Every JSON frame a socket got, in order, and a way to wait for the next one matching. */
function frames(
  ws: WebSocket,
): (match: (frame: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>> {
  const seen: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data) => {
    seen.push(JSON.parse(String(data)) as Record<string, unknown>);
    for (const waiter of waiters) waiter();
  });
  let read = 0;
  return (match) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame in ${JSON.stringify(seen)}`)), 5000);
      const check = (): void => {
        while (read < seen.length) {
          const frame = seen[read++]!;
          if (match(frame)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(frame);
            return;
          }
        }
      };
      waiters.add(check);
      check();
    });
}

/** A client whose frames are recorded from the start (the state can come in the handshake's packet). */
async function open(url: string): Promise<{ ws: WebSocket; next: ReturnType<typeof frames> }> {
  const ws = new WebSocket(url);
  const next = frames(ws);
  await once(ws, "open");
  return { ws, next };
}

const isDiff = (frame: Record<string, unknown>): boolean => frame.type === "presence.diff";

async function twoServers(layerA: ChannelLayer, layerB: ChannelLayer): Promise<void> {
  {
    await using _a = installChannelLayer(layerA, "a");
    await using _b = installChannelLayer(layerB, "b");
    const route = (alias: string): ReturnType<typeof URLRouter> =>
      URLRouter([path("ws/room/<str:room>/", RoomConsumer.asApp({ channelLayerAlias: alias }))]);
    await using serverA = await startServer(route("a"));
    await using serverB = await startServer(route("b"));

    const { ws: ada, next: adaFrames } = await open(serverA.wsUrl("/ws/room/lobby/?user=ada"));
    expect(await adaFrames((f) => f.type === "presence.state")).toMatchObject({ presences: { ada: {} } });
    const { ws: bob, next: bobFrames } = await open(serverB.wsUrl("/ws/room/lobby/?user=bob"));
    const state = await bobFrames((f) => f.type === "presence.state");
    expect(Object.keys(state.presences as object).sort()).toEqual(["ada", "bob"]);
    await adaFrames((f) => isDiff(f) && (f as unknown as PresenceDiffMessage).joins.bob !== undefined);

    bob.close();
    const leave = (await adaFrames(
      (f) => isDiff(f) && (f as unknown as PresenceDiffMessage).leaves.bob !== undefined,
    )) as unknown as PresenceDiffMessage;
    expect(leave.leaves.bob!.metas).toHaveLength(1);
    ada.close();
    await once(ada, "close");
  }
}

describe("docs/presence.md through real sockets", () => {
  it("two servers on one in-memory layer", async () => {
    const shared = new InMemoryChannelLayer();
    await twoServers(shared, shared);
  });
});

describeWithRedis("docs/presence.md through real sockets, two servers on one Redis", () => {
  const redis = useRedisServer();

  it.each([
    ["RedisChannelLayer", (url: string) => new RedisChannelLayer({ hosts: [url] })],
    ["RedisPubSubChannelLayer", (url: string) => new RedisPubSubChannelLayer({ hosts: [url] })],
  ])("%s", async (_name, make) => {
    await twoServers(make(redis.url), make(redis.url));
  });
});

import { URLRouter, WebsocketCommunicator, path, presenceOf, type PresenceDiffMessage } from "@channels-ts/core";
import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, useChannelLayer, useRedisServer } from "@channels-ts/test-fixtures";
import { tunePresence } from "../docs/presence/redis";
import { RoomConsumer, whoIsIn } from "../docs/presence/room";

const app = URLRouter([path("ws/room/<str:room>/", RoomConsumer.asApp())]);

async function join(user: string): Promise<WebsocketCommunicator> {
  const c = new WebsocketCommunicator(app, `/ws/room/lobby/?user=${user}`);
  expect((await c.connect()).connected).toBe(true);
  return c;
}

async function nextDiff(c: WebsocketCommunicator): Promise<PresenceDiffMessage> {
  for (;;) {
    const frame = (await c.receiveJsonFrom()) as { type: string };
    if (frame.type === "presence.diff") return frame as PresenceDiffMessage;
  }
}

function checkRoom(layer: () => Parameters<typeof whoIsIn>[0]): void {
  it("shows who is in the room, keeps it up to date, and forgets a socket that closes", async () => {
    const ada = await join("ada");
    expect(await ada.receiveJsonFrom()).toMatchObject({ type: "presence.state", presences: { ada: {} } });
    const bob = await join("bob");
    expect(Object.keys(((await bob.receiveJsonFrom()) as { presences: object }).presences).sort()).toEqual([
      "ada",
      "bob",
    ]);
    expect(Object.keys((await nextDiff(ada)).joins)).toContain("bob");
    expect(await whoIsIn(layer(), "lobby")).toEqual({ users: ["ada", "bob"], sockets: 2 });

    await bob.sendJsonTo({ status: "away" });
    let diff = await nextDiff(ada);
    while (diff.joins.bob === undefined) diff = await nextDiff(ada);
    expect(diff.joins.bob.metas[0]).toMatchObject({ status: "away" });

    await bob.disconnect();
    expect((await whoIsIn(layer(), "lobby")).users).toEqual(["ada"]);
    while ((await nextDiff(ada)).leaves.bob === undefined);
    await ada.disconnect();
  });
}

describe("docs/presence.md on the in-memory layer", () => {
  const layer = useChannelLayer();
  checkRoom(layer);
});

describeWithRedis("docs/presence.md on Redis", () => {
  const redis = useRedisServer();
  const layer = useChannelLayer({ make: () => new RedisChannelLayer({ hosts: [redis.url] }) });
  checkRoom(layer);

  it("takes a store of its own", async () => {
    tunePresence(layer(), redis.url);
    expect(presenceOf(layer()).diffWindowMs).toBe(50);
    await presenceOf(layer()).close();
  });
});

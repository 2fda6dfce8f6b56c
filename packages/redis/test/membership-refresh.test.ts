import { RedisChannelLayer } from "@channels-ts/redis";
import { describeWithRedis, RedisServer } from "@channels-ts/test-fixtures";

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeWithRedis("group memberships of live consumers are refreshed before groupExpiry", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(() => server.stop());

  it("a channel with a pending receive stays in its group past groupExpiry; an idle one expires", async () => {
    const layer = new RedisChannelLayer({ hosts: [server.url], groupExpiry: 0.6, membershipRefreshSeconds: 0.15 });
    try {
      const [live, idle] = [await layer.newChannel(), await layer.newChannel()];
      await layer.groupAdd("room", live);
      await layer.groupAdd("room", idle);
      const pending = layer.receive(live);
      await pause(1200); // twice groupExpiry: expiry is about time passing
      await layer.groupSend("room", { type: "still.here" });
      await expect(pending).resolves.toEqual({ type: "still.here" });
      await layer.send(idle, { type: "marker" });
      await expect(layer.receive(idle)).resolves.toEqual({ type: "marker" }); // no group message before it
    } finally {
      await layer.close();
    }
  });
});

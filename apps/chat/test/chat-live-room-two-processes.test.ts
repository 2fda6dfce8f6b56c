import { ChannelsClient } from "@channels-ts/client";
import { describeWithRedis, useProcesses, useRedisServer } from "@channels-ts/test-fixtures";
import WebSocket from "ws";
import type { LiveRoomMessages, LiveRoomRequests } from "../src/live-room-messages";
import { startChat, type RedisLayerKind, type RunningServer } from "./support/chat-process";

type LiveClient = ChannelsClient<LiveRoomMessages, LiveRoomMessages, LiveRoomRequests>;

/** Resolves once `client` has heard `text` in the room. */
function hears(client: LiveClient, text: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = client.on("chat.message", (message) => {
      if (message.text === text) {
        stop();
        resolve();
      }
    });
  });
}

/** Resolves once the list of `group` on `client` holds exactly `names`. */
function listShows(client: LiveClient, group: string, names: string[]): Promise<void> {
  const presence = client.presence(group);
  const matches = (): boolean => JSON.stringify(presence.list((key) => key).sort()) === JSON.stringify(names);
  return new Promise((resolve) => {
    if (matches()) return resolve();
    const stop = presence.onSync(() => {
      if (matches()) {
        stop();
        resolve();
      }
    });
  });
}

describeWithRedis("the live room's consumer on two chat processes sharing one Redis", () => {
  describe.each(["redis", "redis-pubsub"] as RedisLayerKind[])("CHANNEL_LAYER=%s", (layer) => {
    const clients: LiveClient[] = [];
    afterAll(() => clients.forEach((client) => client.close()));
    const processes = useProcesses("all");
    const redis = useRedisServer();
    let servers: RunningServer[];
    beforeAll(async () => {
      servers = await Promise.all([
        startChat(processes, layer, redis.url, "chat A"),
        startChat(processes, layer, redis.url, "chat B"),
      ]);
    });

    function open(server: RunningServer, name: string): LiveClient {
      const client: LiveClient = new ChannelsClient(`ws://127.0.0.1:${server.port}/live/9/?name=${name}`, {
        WebSocket,
      });
      clients.push(client);
      return client;
    }

    it("each page lists the members on both processes, hears what the other process's page says, and gets its reply", async () => {
      const [ann, ben] = [open(servers[0]!, "ann"), open(servers[1]!, "ben")];
      await Promise.all([listShows(ann, "9.presence", ["ann", "ben"]), listShows(ben, "9.presence", ["ann", "ben"])]);
      const heard = Promise.all([hears(ann, "ann: across"), hears(ben, "ann: across")]);
      await expect(ann.request("chat.say", { text: "across" })).resolves.toEqual({ sent: true });
      await heard;
      // A line the consumer refuses gets its code back, and the socket stays.
      await expect(ann.request("chat.say", { text: "" })).rejects.toMatchObject({ code: "bad_text" });
      // One page leaves: the other process's page sees it go.
      ben.close();
      await listShows(ann, "9.presence", ["ann"]);
    }, 30_000);
  });
});

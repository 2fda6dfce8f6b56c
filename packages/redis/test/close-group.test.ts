import { join } from "node:path";
import { closeGroup, userGroupName, type ChannelLayer } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import {
  closed,
  closing,
  deferred,
  describeWithRedis,
  installChannelLayer,
  startServer,
  TextClient,
  useProcesses,
  useRedisServer,
} from "@channels-ts/test-fixtures";
import { userTabs } from "./fixtures/user-tabs";

const tsx = join(__dirname, "..", "..", "..", "node_modules", ".bin", "tsx");
const member = join(__dirname, "fixtures", "close-group-member.ts");

describeWithRedis("closeGroup() across processes on Redis", () => {
  const redis = useRedisServer();
  const processes = useProcesses();

  const make = (kind: string): ChannelLayer =>
    kind === "pubsub"
      ? new RedisPubSubChannelLayer({ hosts: [redis.url] })
      : new RedisChannelLayer({ hosts: [redis.url] });

  it.each([
    ["RedisChannelLayer", "core"],
    ["RedisPubSubChannelLayer", "pubsub"],
  ])(
    "%s: a layer with no members closes user 42's sockets in two processes; each disconnect runs once",
    async (_name, kind) => {
      const child = processes.start(tsx, [member, kind, redis.url], { name: `close-group-member (${kind})` });
      const [, childPort] = await child.waitFor(/^listening (\d+)$/m);

      const here: Array<[string, number]> = [];
      let hereWaiting = { count: 0, done: deferred<void>() };
      const app = userTabs((tab, code) => {
        here.push([tab, code]);
        if (here.length === hereWaiting.count) hereWaiting.done.resolve();
      });
      await using _installed = installChannelLayer(make(kind));
      await using server = await startServer(app);
      const open = async (url: string, user: string): Promise<TextClient> => {
        const client = await TextClient.open(url, { socket: { headers: { "x-user": user } } });
        await client.next("ready"); // in the user's group by now
        return client;
      };
      const there = (tab: string): string => `ws://127.0.0.1:${childPort}/?${tab}`;
      const [a, b, c, other, otherThere] = await Promise.all([
        open(there("a"), "42"),
        open(there("b"), "42"),
        open(server.wsUrl("/?c"), "42"),
        open(server.wsUrl("/?d"), "7"),
        open(there("e"), "7"),
      ]);
      const closes = [a, b, c].map((client) => closed(client.socket));
      hereWaiting.count = 1;

      // A third layer instance, in no group at all: an HTTP view or a script elsewhere.
      await using outsider = closing(make(kind));
      await closeGroup(outsider, userGroupName(42), { code: 4001, reason: "logged out" });

      expect(await Promise.all(closes)).toEqual(Array(3).fill({ code: 4001, reason: "logged out" }));
      for (const client of [other, otherThere]) {
        client.send("still here");
        await client.next("echo still here");
      }
      await hereWaiting.done.promise;
      await child.waitFor(/^disconnect b 4001$/m);
      await child.waitFor(/^disconnect a 4001$/m);

      // The user 7 sockets close too; once both servers have stopped, every disconnect ran once.
      hereWaiting = { count: 2, done: deferred<void>() };
      other.socket.close(1000);
      otherThere.socket.close(1000);
      await hereWaiting.done.promise;
      await child.waitFor(/^disconnect e 1000$/m);
      expect(await child.stop()).toEqual({ code: 0, signal: null, killed: false });
      await server.close();
      const childDisconnects = [...child.stdout.matchAll(/^disconnect (\S+) (\d+)$/gm)].map((m) => [
        m[1],
        Number(m[2]),
      ]);
      expect(childDisconnects.sort()).toEqual([
        ["a", 4001],
        ["b", 4001],
        ["e", 1000],
      ]);
      expect(here.sort()).toEqual([
        ["c", 4001],
        ["d", 1000],
      ]);
    },
    30_000,
  );
});

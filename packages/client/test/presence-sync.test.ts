import { ChannelsClient, Presence, syncDiff, syncState, type PresenceState } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";
import { ManualTimers } from "./manual-timers";

interface Meta {
  name: string;
}
const meta = (ref: string, name = "alice"): Meta & { ref: string } => ({ ref, name });

test("syncDiff adds metas by ref, removes left ones, and drops a key with none left", () => {
  const start: PresenceState<Meta> = { u1: { metas: [meta("a")] } };
  const joined = syncDiff(start, {
    joins: { u1: { metas: [meta("b")] }, u2: { metas: [meta("c", "bob")] } },
    leaves: {},
  });
  expect(joined).toEqual({ u1: { metas: [meta("a"), meta("b")] }, u2: { metas: [meta("c", "bob")] } });
  expect(start).toEqual({ u1: { metas: [meta("a")] } }); // not changed in place
  const left = syncDiff(joined, {
    joins: {},
    leaves: { u1: { metas: [meta("a")] }, u2: { metas: [meta("c", "bob")] } },
  });
  expect(left).toEqual({ u1: { metas: [meta("b")] } });
  // A join and a leave of one ref in one diff cancel out (joins go first, as in Phoenix), so an
  // update gives its meta a new ref; a join of a known ref alone replaces that meta.
  const updated = syncDiff(left, {
    joins: { u1: { metas: [meta("b", "alice2")] } },
    leaves: { u1: { metas: [meta("b")] } },
  });
  expect(updated).toEqual({});
  const renamed = syncDiff(left, { joins: { u1: { metas: [meta("b", "alice2")] } }, leaves: {} });
  expect(renamed).toEqual({ u1: { metas: [meta("b", "alice2")] } });
});

test("syncState reports the joins and leaves between the list it had and a fresh state", () => {
  const events: string[] = [];
  const current: PresenceState<Meta> = { u1: { metas: [meta("a"), meta("b")] }, u2: { metas: [meta("c", "bob")] } };
  const next: PresenceState<Meta> = { u1: { metas: [meta("a")] }, u3: { metas: [meta("d", "carol")] } };
  const result = syncState(
    current,
    next,
    (key, before, joined) => events.push(`join ${key} ${before === undefined ? "new" : "more"} ${joined.metas.length}`),
    (key, after, left) => events.push(`leave ${key} ${after.metas.length} left ${left.metas.map((m) => m.ref).join()}`),
  );
  expect(result).toEqual(next);
  expect(events).toEqual(["join u3 new 1", "leave u2 0 left c", "leave u1 1 left b"]);
});

test("client.presence(group) keeps its list from presence.state and presence.diff frames, other groups apart", async () => {
  await using server = await ContractServer.start();
  const client = new ChannelsClient(server.url, { WebSocket });
  const room = client.presence<Meta>("room-1");
  expect(client.presence("room-1")).toBe(room);
  const other = client.presence<Meta>("room-2");
  const events: string[] = [];
  room.onJoin((key) => events.push(`join ${key}`));
  room.onLeave((key, current) => events.push(`leave ${key} (${current.metas.length} left)`));
  let syncs = 0;
  const synced = (count: number) =>
    new Promise<void>((resolve) => {
      const off = room.onSync(() => {
        if (++syncs === count) {
          off();
          resolve();
        }
      });
    });
  await client.once("open");
  const first = synced(1);
  server.broadcast({ type: "presence.state", group: "room-1", presences: { u1: { metas: [meta("a")] } } });
  await first;
  expect(room.synced).toBe(true);
  const second = synced(2);
  server.broadcast({
    type: "presence.diff",
    group: "room-1",
    joins: { u2: { metas: [meta("c", "bob")] }, u1: { metas: [meta("b")] } },
    leaves: {},
  });
  server.broadcast({ type: "presence.diff", group: "room-1", joins: {}, leaves: { u1: { metas: [meta("a")] } } });
  await second;
  expect(room.list((key, metas) => `${key}:${metas.map((m) => m.ref).join("+")}`)).toEqual(["u1:b", "u2:c"]);
  expect(room.count).toBe(2);
  expect(room.get("u2")).toEqual([meta("c", "bob")]);
  expect(other.count).toBe(0);
  expect(other.synced).toBe(false);
  expect(events).toEqual(["join u1", "join u2", "join u1", "leave u1 (1 left)"]);
  client.close();
});

test("after a reconnect the fresh presence.state is applied as joins and leaves against the old list", async () => {
  await using server = await ContractServer.start();
  const timers = new ManualTimers();
  const client = new ChannelsClient(server.url, { WebSocket, timers });
  const room = client.presence<Meta>("lobby");
  await client.once("open");
  const synced = () =>
    new Promise<void>((resolve) => {
      const off = room.onSync(() => (off(), resolve()));
    });
  let next = synced();
  server.broadcast({
    type: "presence.state",
    group: "lobby",
    presences: { u1: { metas: [meta("a")] }, u2: { metas: [meta("c", "bob")] } },
  });
  await next;
  const reconnecting = client.once("reconnecting");
  await server.stop();
  await reconnecting;
  expect(room.count).toBe(2); // kept while offline, so the page does not blank
  await server.listen();
  const open = client.once("open");
  timers.fire();
  await open;
  const left: string[] = [];
  room.onLeave((key) => left.push(key));
  next = synced();
  server.broadcast({ type: "presence.state", group: "lobby", presences: { u1: { metas: [meta("z")] } } });
  await next;
  expect(room.list()).toEqual([{ key: "u1", metas: [meta("z")] }]);
  expect(left.sort()).toEqual(["u1", "u2"]);
  client.close();
});

test("a stand-alone Presence ignores messages of other groups and malformed ones", () => {
  const presence = new Presence<Meta>("g");
  expect(presence.handle({ type: "presence.diff", group: "other", joins: { u: { metas: [meta("a")] } } })).toBe(false);
  expect(presence.handle({ type: "presence.diff", group: "g", joins: { u: { metas: [{ name: "no ref" }] } } })).toBe(
    false,
  );
  expect(presence.handle({ type: "presence.diff", group: "g", joins: { u: { metas: [meta("a")] } } })).toBe(true);
  expect(presence.list()).toEqual([{ key: "u", metas: [meta("a")] }]);
});

import { ChannelsClient, HandlerError, Presence, syncDiff, syncState, type PresenceState } from "@channels-ts/client";
import { WebSocket } from "ws";
import { ContractServer } from "./contract-server";

interface Meta {
  name: string;
}
const meta = (ref: string, name = "alice"): Meta & { ref: string } => ({ ref, name });

/** Keys that Object.prototype has: a user may well be called any of them. */
const keys = ["__proto__", "constructor", "toString"];

/** A state with each key as it comes off the wire: JSON.parse makes `__proto__` an own key. */
function wireState(ref: string): PresenceState<Meta> {
  const text = `{${keys.map((key) => `${JSON.stringify(key)}: {"metas": [{"ref": "${ref}-${key}", "name": "n"}]}`).join(", ")}}`;
  return JSON.parse(text) as PresenceState<Meta>;
}

const ownRefs = (state: PresenceState<Meta>): string[] =>
  Object.keys(state)
    .sort()
    .map((key) => `${key}:${(Object.getOwnPropertyDescriptor(state, key)?.value as { metas: Meta[] }).metas.length}`);

test("syncDiff takes keys named like Object.prototype's as presences, joins and leaves alike", () => {
  const joins: string[] = [];
  const joined = syncDiff<Meta>({}, { joins: wireState("a"), leaves: {} }, (key, before) =>
    joins.push(`${key} ${before === undefined ? "new" : "more"}`),
  );
  expect(ownRefs(joined)).toEqual(["__proto__:1", "constructor:1", "toString:1"]);
  expect(joins.sort()).toEqual(["__proto__ new", "constructor new", "toString new"]);
  // `__proto__` is data, not the prototype.
  expect(Object.hasOwn(joined, "__proto__")).toBe(true);
  expect(Object.getPrototypeOf(joined)).toBeNull();

  const more = syncDiff<Meta>(joined, { joins: wireState("b"), leaves: {} }, (key, before) =>
    joins.push(`${key} ${before?.metas.length ?? "new"}`),
  );
  expect(ownRefs(more)).toEqual(["__proto__:2", "constructor:2", "toString:2"]);
  expect(joins.slice(3).sort()).toEqual(["__proto__ 1", "constructor 1", "toString 1"]);

  const left = syncDiff<Meta>(more, { joins: {}, leaves: wireState("a") });
  expect(ownRefs(left)).toEqual(["__proto__:1", "constructor:1", "toString:1"]);
  expect(Object.keys(syncDiff<Meta>(left, { joins: {}, leaves: wireState("b") }))).toEqual([]);
  // A leave of a key that is not there finds nothing inherited either.
  expect(Object.keys(syncDiff<Meta>({}, { joins: {}, leaves: wireState("a") }))).toEqual([]);
});

test("syncState reports keys named like Object.prototype's joining and leaving", () => {
  const events: string[] = [];
  const onJoin = (key: string) => events.push(`join ${key}`);
  const onLeave = (key: string, after: { metas: unknown[] }) => events.push(`leave ${key} ${after.metas.length}`);
  const full = syncState<Meta>({}, wireState("a"), onJoin, onLeave);
  expect(ownRefs(full)).toEqual(["__proto__:1", "constructor:1", "toString:1"]);
  const same = syncState<Meta>(full, wireState("a"), onJoin, onLeave);
  expect(ownRefs(same)).toEqual(["__proto__:1", "constructor:1", "toString:1"]);
  const empty = syncState<Meta>(same, {}, onJoin, onLeave);
  expect(Object.keys(empty)).toEqual([]);
  expect(events.sort()).toEqual([
    "join __proto__",
    "join constructor",
    "join toString",
    "leave __proto__ 0",
    "leave constructor 0",
    "leave toString 0",
  ]);
});

test("a Presence fed frames lists, gets and counts such keys, and finds no inherited ones", () => {
  const presence = new Presence<Meta>("g");
  expect(presence.get("constructor")).toBeUndefined();
  expect(presence.get("hasOwnProperty")).toBeUndefined();
  expect(presence.handle({ type: "presence.state", group: "g", presences: wireState("a") })).toBe(true);
  expect(presence.count).toBe(3);
  expect(presence.list((key, metas) => `${key}:${metas[0]?.ref ?? ""}`).sort()).toEqual([
    "__proto__:a-__proto__",
    "constructor:a-constructor",
    "toString:a-toString",
  ]);
  expect(presence.get("__proto__")).toEqual([{ ref: "a-__proto__", name: "n" }]);
  expect(presence.get("valueOf")).toBeUndefined();
  expect(Object.hasOwn(presence.toState(), "__proto__")).toBe(true);
  expect(
    presence.handle({
      type: "presence.diff",
      group: "g",
      leaves: JSON.parse('{"__proto__": {"metas": [{"ref": "a-__proto__"}]}}'),
    }),
  ).toBe(true);
  expect(presence.get("__proto__")).toBeUndefined();
  expect(presence.count).toBe(2);
});

test("through a client, such keys come into the list and the message handlers still see the frame", async () => {
  await using server = await ContractServer.start();
  const client = new ChannelsClient(server.url, { WebSocket });
  const room = client.presence<Meta>("room");
  const errors: Error[] = [];
  client.onEvent("error", ({ error }) => errors.push(error));
  await client.once("open");
  const seen = new Promise<void>((resolve) => client.on("presence.diff", () => resolve()));
  server.broadcast({
    type: "presence.diff",
    group: "room",
    joins: {
      ["__proto__"]: { metas: [meta("p")] },
      constructor: { metas: [meta("c")] },
      toString: { metas: [meta("t")] },
    },
    leaves: {},
  });
  await seen;
  expect(room.list((key) => key).sort()).toEqual(keys);
  expect(errors).toEqual([]);
  client.close();
});

test("a presence list that throws on a frame is reported as an error event, and the frame's handlers still run", async () => {
  await using server = await ContractServer.start();
  const client = new ChannelsClient(server.url, { WebSocket });
  const room = client.presence<Meta>("room");
  const boom = new Error("boom");
  const spy = jest.spyOn(room, "applyDiff").mockImplementation(() => {
    throw boom;
  });
  await client.once("open");
  const error = client.once("error");
  const seen = new Promise<void>((resolve) => client.on("presence.diff", () => resolve()));
  server.broadcast({ type: "presence.diff", group: "room", joins: { u: { metas: [meta("a")] } }, leaves: {} });
  await seen;
  const { error: reported } = await error;
  expect(reported).toBeInstanceOf(HandlerError);
  expect(reported).toMatchObject({ code: "HANDLER_ERROR", cause: boom });
  expect(reported.message).toContain("presence of room");
  expect(client.state).toBe("open");
  spy.mockRestore();
  client.close();
});

import {
  ChannelLayerMissing,
  InvalidLayerOption,
  JsonWebsocketConsumer,
  PresenceAlreadyTracked,
  PresenceNotTracked,
  WebsocketCommunicator,
  WebsocketConsumer,
  configurePresence,
  countPresence,
  listPresence,
  presenceOf,
  type PresenceDiffMessage,
  type PresenceState,
  type PresenceStateMessage,
} from "@channels-ts/core";
import { installChannelLayer, useChannelLayer } from "@channels-ts/test-fixtures";

const layer = useChannelLayer();

/** Joins "room", tracks itself under ?user=... and forwards presence messages to its client. */
class RoomConsumer extends JsonWebsocketConsumer {
  override groups = ["room"];

  override async connect(): Promise<void> {
    await this.accept();
    const user = new URLSearchParams(this.scope.query_string).get("user") ?? "anonymous";
    await this.presence.track("room", user, { device: "test" }, { state: true });
  }

  override async receiveJson(content: unknown): Promise<void> {
    const { action, status } = content as { action: string; status?: string };
    const user = new URLSearchParams(this.scope.query_string).get("user") ?? "anonymous";
    if (action === "update") await this.presence.update("room", user, { device: "test", status });
    if (action === "untrack") await this.presence.untrack("room", user);
    await this.sendJson({ done: action });
  }

  override presence_diff(message: PresenceDiffMessage): Promise<void> {
    return this.sendJson(message);
  }

  override presence_state(message: PresenceStateMessage): Promise<void> {
    return this.sendJson(message);
  }
}

async function connectAs(user: string): Promise<WebsocketCommunicator> {
  const c = new WebsocketCommunicator(RoomConsumer.asApp(), `/room/?user=${user}`);
  expect((await c.connect()).connected).toBe(true);
  return c;
}

/** The next frame that is a presence message of `type` (diffs of earlier joins may come first). */
async function next<T>(c: WebsocketCommunicator, type: string): Promise<T> {
  for (let i = 0; i < 10; i++) {
    const frame = (await c.receiveJsonFrom()) as { type?: string };
    if (frame.type === type) return frame as T;
  }
  throw new Error(`no ${type} in 10 frames`);
}

function refsOf(state: PresenceState, key: string): string[] {
  return (state[key]?.metas ?? []).map((meta) => meta.ref);
}

describe("presence on the in-memory layer", () => {
  it("sends the tracker the state, the members a join diff, and lists and counts from the layer", async () => {
    const alice = await connectAs("alice");
    const first = await next<PresenceStateMessage>(alice, "presence.state");
    expect(first.group).toBe("room");
    expect(Object.keys(first.presences)).toEqual(["alice"]);
    expect(first.presences.alice!.metas[0]).toMatchObject({ device: "test", ref: expect.any(String) });

    const bob = await connectAs("bob");
    expect(Object.keys((await next<PresenceStateMessage>(bob, "presence.state")).presences).sort()).toEqual([
      "alice",
      "bob",
    ]);
    const diff = await next<PresenceDiffMessage>(alice, "presence.diff");
    expect(diff).toMatchObject({ type: "presence.diff", group: "room", leaves: {} });
    expect(Object.keys(diff.joins)).toContain("bob");

    const listed = await listPresence(layer(), "room");
    expect(Object.keys(listed).sort()).toEqual(["alice", "bob"]);
    expect(await countPresence(layer(), "room")).toBe(2);
    await alice.disconnect();
    await bob.disconnect();
  });

  it("removes a consumer's presences as soon as it ends, and the others get the leave", async () => {
    const alice = await connectAs("alice");
    const bob = await connectAs("bob");
    const bobRef = refsOf(await listPresence(layer(), "room"), "bob")[0]!;
    // Bob's join goes out first: a leave in the join's window would go out without the join.
    presenceOf(layer()).flushDiffs();
    await bob.disconnect();
    // At once: no expiry, no window to wait for.
    expect(await countPresence(layer(), "room")).toBe(1);
    expect(Object.keys(await listPresence(layer(), "room"))).toEqual(["alice"]);
    let diff = await next<PresenceDiffMessage>(alice, "presence.diff");
    while (diff.leaves.bob === undefined) diff = await next<PresenceDiffMessage>(alice, "presence.diff");
    expect(refsOf(diff.leaves, "bob")).toEqual([bobRef]);
    await alice.disconnect();
    expect(await countPresence(layer(), "room")).toBe(0);
  });

  it("keeps one meta per tracking consumer under one key (two tabs)", async () => {
    const tab1 = await connectAs("carol");
    const tab2 = await connectAs("carol");
    const listed = await listPresence(layer(), "room");
    expect(Object.keys(listed)).toEqual(["carol"]);
    expect(new Set(refsOf(listed, "carol")).size).toBe(2);
    expect(await countPresence(layer(), "room")).toBe(2);
    await tab1.disconnect();
    expect(refsOf(await listPresence(layer(), "room"), "carol")).toHaveLength(1);
    await tab2.disconnect();
  });

  it("update replaces the meta under a new ref: a leave of the old and a join of the new", async () => {
    const watcher = await connectAs("watcher");
    const dave = await connectAs("dave");
    const oldRef = refsOf(await listPresence(layer(), "room"), "dave")[0]!;
    presenceOf(layer()).flushDiffs();
    await dave.sendJsonTo({ action: "update", status: "away" });
    let diff = await next<PresenceDiffMessage>(watcher, "presence.diff");
    while (diff.leaves.dave === undefined) diff = await next<PresenceDiffMessage>(watcher, "presence.diff");
    expect(refsOf(diff.leaves, "dave")).toEqual([oldRef]);
    expect(diff.joins.dave!.metas).toEqual([{ device: "test", status: "away", ref: expect.any(String) }]);
    expect(diff.joins.dave!.metas[0]!.ref).not.toBe(oldRef);
    expect((await listPresence(layer(), "room")).dave!.metas[0]).toMatchObject({ status: "away" });

    await dave.sendJsonTo({ action: "untrack" });
    diff = await next<PresenceDiffMessage>(watcher, "presence.diff");
    expect(Object.keys(diff.leaves)).toEqual(["dave"]);
    expect(Object.keys(await listPresence(layer(), "room"))).toEqual(["watcher"]);
    await dave.disconnect();
    await watcher.disconnect();
  });

  it("batches a burst of 1,000 joins into a few diffs", async () => {
    const watcher = await connectAs("watcher");
    presenceOf(layer()).flushDiffs();
    await next<PresenceDiffMessage>(watcher, "presence.diff");
    const presence = presenceOf(layer());
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) => presence.track(`specific.burst!${i}`, "room", `user${i}`, { i })),
    );
    let joined = 0;
    let diffs = 0;
    while (joined < 1000) {
      const diff = await next<PresenceDiffMessage>(watcher, "presence.diff");
      diffs++;
      joined += Object.keys(diff.joins).length;
    }
    expect(joined).toBe(1000);
    expect(diffs).toBeLessThanOrEqual(2);
    expect(await countPresence(layer(), "room")).toBe(1001);
    await watcher.disconnect();
  });

  it("a presence that joins and leaves within one window is sent as a leave only (one who read the state saw it)", async () => {
    const watcher = await connectAs("watcher");
    presenceOf(layer()).flushDiffs();
    await next<PresenceDiffMessage>(watcher, "presence.diff");
    const presence = presenceOf(layer());
    await presence.track("specific.brief!1", "room", "brief", {});
    await presence.untrack("specific.brief!1", "room", "brief");
    await presence.track("specific.stays!1", "room", "stays", {});
    // A newcomer reading the state in between would have seen "brief": the leave takes it away.
    const diff = await next<PresenceDiffMessage>(watcher, "presence.diff");
    expect(Object.keys(diff.joins)).toEqual(["stays"]);
    expect(Object.keys(diff.leaves)).toEqual(["brief"]);
    await watcher.disconnect();
  });

  it("uses the configured diff window", async () => {
    const presence = configurePresence(layer(), { diffWindowMs: 0 });
    expect(presence.diffWindowMs).toBe(0);
    expect(presenceOf(layer())).toBe(presence);
    expect(() => configurePresence(layer(), { diffWindowMs: -1 })).toThrow(InvalidLayerOption);
  });

  it("does not end a group member that has no interest in presence", async () => {
    class Plain extends WebsocketConsumer {
      override groups = ["room"];
      override async receive(text?: string): Promise<void> {
        await this.send(`echo:${text ?? ""}`);
      }
    }
    const plain = new WebsocketCommunicator(Plain.asApp(), "/plain/");
    await plain.connect();
    const alice = await connectAs("alice");
    presenceOf(layer()).flushDiffs();
    await plain.sendTo("still here");
    expect(await plain.receiveFrom()).toBe("echo:still here");
    await alice.disconnect();
    await plain.disconnect();
  });

  it("refuses a second track of one key, an update of none, a meta with ref, and no layer", async () => {
    const presence = presenceOf(layer());
    await presence.track("specific.x!1", "room", "eve", {});
    await expect(presence.track("specific.x!1", "room", "eve", {})).rejects.toBeInstanceOf(PresenceAlreadyTracked);
    await expect(presence.update("specific.x!1", "room", "mallory", {})).rejects.toBeInstanceOf(PresenceNotTracked);
    await expect(presence.track("specific.x!1", "room", "frank", { ref: "mine" })).rejects.toThrow(/"ref"/);
    await expect(presence.track("specific.x!1", "room", "", {})).rejects.toThrow(TypeError);
    await expect(presence.track("specific.x!1", "bad group!", "gina", {})).rejects.toThrow(TypeError);
    await presence.untrack("specific.x!1", "room", "eve");
    await presence.untrack("specific.x!1", "room", "eve"); // a no-op
    expect(await countPresence(layer(), "room")).toBe(0);

    await using _none = installChannelLayer(undefined);
    class Lonely extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.accept();
        await this.presence.track("room", "lonely");
      }
    }
    const c = new WebsocketCommunicator(Lonely.asApp(), "/");
    await c.connect();
    await expect(c.wait()).rejects.toBeInstanceOf(ChannelLayerMissing);
  });

  it("keeps keys that name Object.prototype members as ordinary keys", async () => {
    const presence = presenceOf(layer());
    await presence.track("specific.p!1", "room", "__proto__", { a: 1 });
    await presence.track("specific.p!1", "room", "constructor", { b: 2 });
    const listed = await listPresence(layer(), "room");
    expect(Object.keys(listed).sort()).toEqual(["__proto__", "constructor"]);
    expect(listed["__proto__"]!.metas[0]).toMatchObject({ a: 1 });
  });
});

import { randomUUID } from "node:crypto";
import { EventEmitter, once } from "node:events";
import { describeWithRedisCluster, useRedisCluster, type RedisCluster } from "@channels-ts/test-fixtures";
import { keySlot, spreadName } from "../src/cluster-hash-tags";
import { ClusterPubSubTransport, INBOXES } from "../src/cluster-pubsub-transport";

/** A transport whose hooks are events: `message` (name, payload), `down`, `up`. */
class Probe extends EventEmitter {
  readonly clientPrefix = randomUUID().replace(/-/g, "");
  readonly transport: ClusterPubSubTransport;
  constructor(cluster: RedisCluster, slotsRefreshIntervalMs?: number) {
    super();
    this.setMaxListeners(0);
    this.transport = new ClusterPubSubTransport(
      {
        nodes: cluster.nodes.slice(0, 1),
        prefix: "asgi",
        reconnectMinDelayMs: 20,
        reconnectMaxDelayMs: 500,
        operationTimeoutMs: 5000,
        ...(slotsRefreshIntervalMs === undefined ? {} : { slotsRefreshIntervalMs }),
      },
      {
        ownMarker: `.${this.clientPrefix}!`,
        listener: {
          message: (name, payload) => this.emit("message", name, payload.toString()),
          down: (event) => this.emit("down", event),
          up: (event) => this.emit("up", event),
          unavailable: (error) => this.emit("unavailable", error),
          backgroundError: (_source, error) => this.emit("backgroundError", error),
        },
      },
    );
  }

  /** The next message for `name`. */
  next(name: string): Promise<string> {
    return new Promise((resolve) => {
      const onMessage = (got: string, payload: string): void => {
        if (got !== name) return;
        this.off("message", onMessage);
        resolve(payload);
      };
      this.on("message", onMessage);
    });
  }

  /** Resolves at the first `up` after which `channel` is on the node at `port`. */
  async placedOn(channel: string, port: number): Promise<void> {
    while (this.transport.placement().get(channel) !== `127.0.0.1:${port}`) await once(this, "up");
  }
}

/** What the `down` events from now on said, joined: which path noticed the change. */
function reasons(probe: Probe): () => string {
  const said: string[] = [];
  probe.on("down", (event: { error: Error }) => said.push(event.error.message));
  return () => said.join("; ");
}

describeWithRedisCluster("ClusterPubSubTransport on a three-master cluster", () => {
  const cluster = useRedisCluster();
  const probes: Probe[] = [];
  const probe = (): Probe => {
    const made = new Probe(cluster);
    probes.push(made);
    return made;
  };
  afterEach(async () => {
    for (const made of probes.splice(0)) made.transport.close();
  });

  test("close() during a slot refresh leaves no refresh timer behind (the process can exit)", async () => {
    const made = new Probe(cluster, 50);
    probes.push(made);
    await made.transport.connect();
    type Refresh = (callback?: () => void) => void;
    const internals = (made.transport as unknown as { cluster: { refreshSlotsCache: Refresh; slotsTimer: unknown } })
      .cluster;
    const original = internals.refreshSlotsCache;
    // The next timed round: close once its refresh is in flight (its callback re-arms the timer).
    const roundStarted = new Promise<void>((resolve) => {
      internals.refreshSlotsCache = function (this: unknown, callback?: () => void) {
        original.call(this, callback);
        resolve();
      };
    });
    await roundStarted;
    made.transport.close();
    await new Promise<void>((resolve) => original.call(internals, resolve)); // after the round's callbacks
    expect(internals.slotsTimer === null ? "no timer" : "a refresh timer is armed").toBe("no timer");
  });

  test("a send reaches the process owning the channel through its inbox, name and payload intact", async () => {
    const [sender, receiver] = [probe(), probe()];
    await Promise.all([sender.transport.connect(), receiver.transport.connect()]);
    await receiver.transport.listenOwn(`specific.${receiver.clientPrefix}!x`);
    const names = Array.from({ length: 20 }, (_, i) => `specific.${receiver.clientPrefix}!${i}abc`);
    const arrived = Promise.all(names.map((name) => receiver.next(name)));
    for (const name of names) await sender.transport.publish(name, Buffer.from(`to ${name}`));
    expect(await arrived).toEqual(names.map((name) => `to ${name}`));
  });

  test("a process's inboxes are on every master, and groups spread over all three", async () => {
    const receiver = probe();
    await receiver.transport.connect();
    await receiver.transport.listenOwn(`specific.${receiver.clientPrefix}!x`);
    const groups = Array.from({ length: 60 }, (_, i) => `asgi__group__room${i}`);
    await Promise.all(groups.map((group) => receiver.transport.subscribe(group)));
    const placement = receiver.transport.placement();
    const inboxNodes = new Set(
      [...placement].filter(([channel]) => channel.includes("__inbox__")).map(([, node]) => node),
    );
    expect([...placement.keys()].filter((channel) => channel.includes("__inbox__"))).toHaveLength(INBOXES);
    expect(inboxNodes.size).toBe(3);
    const perMaster = new Map<string, number>();
    for (const group of groups) {
      const node = placement.get(spreadName(group)) as string;
      perMaster.set(node, (perMaster.get(node) ?? 0) + 1);
    }
    expect(perMaster.size).toBe(3);
    for (const count of perMaster.values()) expect(count).toBeGreaterThanOrEqual(10); // 20 each on average
    // Each subscription is on the master Redis itself says owns its slot.
    for (const [channel, node] of placement) {
      expect(keySlot(channel)).toBe(await cluster.keyslot(channel));
      expect(node).toBe(`127.0.0.1:${await cluster.ownerOf(keySlot(channel))}`);
    }
  });

  test("a group reaches its subscribers, and stops once they unsubscribe", async () => {
    const [sender, a, b] = [probe(), probe(), probe()];
    await Promise.all([sender, a, b].map((made) => made.transport.connect()));
    await Promise.all([a.transport.subscribe("asgi__group__chat"), b.transport.subscribe("asgi__group__chat")]);
    const both = Promise.all([a.next("asgi__group__chat"), b.next("asgi__group__chat")]);
    await sender.transport.publish("asgi__group__chat", Buffer.from("hello"));
    expect(await both).toEqual(["hello", "hello"]);
    await b.transport.unsubscribe("asgi__group__chat");
    let bGot = 0;
    b.on("message", () => bGot++);
    const again = a.next("asgi__group__chat");
    await sender.transport.publish("asgi__group__chat", Buffer.from("again"));
    expect(await again).toBe("again");
    await sender.transport.publish("asgi__group__chat", Buffer.from("last")); // same connection as a's after "again"
    await a.next("asgi__group__chat");
    expect(bGot).toBe(0);
  });

  test("after its slot moves to another master, a subscription is placed there and receives again", async () => {
    const [sender, receiver] = [probe(), probe()];
    await Promise.all([sender.transport.connect(), receiver.transport.connect()]);
    await receiver.transport.subscribe("asgi__group__moving");
    const channel = spreadName("asgi__group__moving");
    const slot = keySlot(channel);
    const from = await cluster.ownerOf(slot);
    const to = (await cluster.masters()).find((node) => node.port !== from)?.port as number;
    const why = reasons(receiver);
    const started = Date.now();
    const placed = receiver.placedOn(channel, to);
    await cluster.moveSlot(slot, to);
    await placed;
    process.stderr.write(
      `slot ${slot} moved :${from} -> :${to}: resubscribed after ${Date.now() - started} ms (${why()})\n`,
    );
    const got = receiver.next("asgi__group__moving");
    await sender.transport.publish("asgi__group__moving", Buffer.from("after the move"));
    expect(await got).toBe("after the move");
  });

  test("after a manual failover (CLUSTER FAILOVER), subscriptions are on the new master and receive", async () => {
    const [sender, receiver] = [probe(), probe()];
    await Promise.all([sender.transport.connect(), receiver.transport.connect()]);
    await receiver.transport.listenOwn(`specific.${receiver.clientPrefix}!x`);
    await receiver.transport.subscribe("asgi__group__failover");
    const channel = spreadName("asgi__group__failover");
    const why = reasons(receiver);
    const started = Date.now();
    const { from, to } = await cluster.failoverOf(keySlot(channel));
    await receiver.placedOn(channel, to);
    process.stderr.write(
      `failover :${from} -> :${to}: resubscribed ${Date.now() - started} ms after CLUSTER FAILOVER (${why()})\n`,
    );
    expect(why()).not.toBe("");
    const group = receiver.next("asgi__group__failover");
    await sender.transport.publish("asgi__group__failover", Buffer.from("after failover"));
    expect(await group).toBe("after failover");
    // Every inbox works too, those that were on the old master included.
    const names = Array.from({ length: 40 }, (_, i) => `specific.${receiver.clientPrefix}!f${i}`);
    const all = Promise.all(names.map((name) => receiver.next(name)));
    for (const name of names) await sender.transport.publish(name, Buffer.from(name));
    expect(await all).toEqual(names);
  });

  test("a subscription asked of a hung master (SIGSTOP) is placed on its replica once that takes over", async () => {
    const [sender, receiver] = [probe(), probe()];
    await Promise.all([sender.transport.connect(), receiver.transport.connect()]);
    await receiver.transport.listenOwn(`specific.${receiver.clientPrefix}!x`);
    const channel = spreadName("asgi__group__frozen");
    const frozen = await cluster.freezeMasterOf(keySlot(channel));
    try {
      const started = Date.now();
      // Its SSUBSCRIBE goes to the frozen master, which never answers: without a deadline the
      // transport would wait on it for ever, and place nothing else meanwhile.
      const subscribed = receiver.transport.subscribe("asgi__group__frozen");
      const to = await frozen.tookOver;
      await subscribed;
      await receiver.placedOn(channel, to);
      process.stderr.write(
        `froze :${frozen.from}, :${to} took over: subscribed ${Date.now() - started} ms after SIGSTOP\n`,
      );
      const group = receiver.next("asgi__group__frozen");
      await sender.transport.publish("asgi__group__frozen", Buffer.from("after the freeze"));
      expect(await group).toBe("after the freeze");
    } finally {
      await frozen.resume();
    }
  }, 40_000);

  test("after a master is killed and its replica takes over, subscriptions are back and receive", async () => {
    const [sender, receiver] = [probe(), probe()];
    await Promise.all([sender.transport.connect(), receiver.transport.connect()]);
    await receiver.transport.listenOwn(`specific.${receiver.clientPrefix}!x`);
    await receiver.transport.subscribe("asgi__group__killed");
    const channel = spreadName("asgi__group__killed");
    const down = once(receiver, "down");
    const why = reasons(receiver);
    const started = Date.now();
    const { from, to } = await cluster.killMasterOf(keySlot(channel));
    await down;
    await receiver.placedOn(channel, to);
    process.stderr.write(
      `killed :${from}, :${to} took over: resubscribed ${Date.now() - started} ms after SIGKILL (${why()})\n`,
    );
    const group = receiver.next("asgi__group__killed");
    await sender.transport.publish("asgi__group__killed", Buffer.from("after the kill"));
    expect(await group).toBe("after the kill");
    const names = Array.from({ length: 40 }, (_, i) => `specific.${receiver.clientPrefix}!k${i}`);
    const all = Promise.all(names.map((name) => receiver.next(name)));
    for (const name of names) await sender.transport.publish(name, Buffer.from(name));
    expect(await all).toEqual(names);
  }, 40_000);
});

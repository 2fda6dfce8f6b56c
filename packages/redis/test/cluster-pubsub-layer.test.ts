import type { Message } from "@channels-ts/core";
import { describeWithRedisCluster, freePort, useRedisCluster } from "@channels-ts/test-fixtures";
import { RedisHostUnavailable } from "../src/redis-host-unavailable";
import { keySlot, spreadName } from "../src/cluster-hash-tags";
import { RedisPubSubChannelLayer } from "../src/redis-pubsub-channel-layer";

/** The layer's next `up`: every subscription back on the master owning its slot. */
function nextUp(layer: RedisPubSubChannelLayer): Promise<void> {
  return new Promise((resolve) => layer.once("up", () => resolve()));
}

/** What the `down` events of `layers` say from now on, with when (ms from now): which path noticed a change. */
function reasons(...layers: RedisPubSubChannelLayer[]): () => string {
  const started = Date.now();
  const said: string[] = [];
  layers.forEach((layer, i) =>
    layer.on("down", ({ error }) => said.push(`layer ${i} at ${Date.now() - started} ms: ${error.message}`)),
  );
  return () => said.join("; ");
}

describe("RedisPubSubChannelLayer's cluster option", () => {
  test("is rejected with hosts or transport, by name", () => {
    const cluster = { nodes: ["redis://a:7000"] };
    expect(() => new RedisPubSubChannelLayer({ hosts: ["redis://127.0.0.1:6379"], cluster })).toThrow(
      /option hosts: .*expected no hosts with cluster/,
    );
    const transport = (() => undefined) as never;
    expect(() => new RedisPubSubChannelLayer({ transport, cluster })).toThrow(
      /option cluster: .*expected no cluster with transport/,
    );
  });

  test("rejects an unknown key and a node it cannot use, naming them", () => {
    const unknown = { nodes: [{ host: "127.0.0.1", port: 7000 }], scaleReads: "slave" } as never;
    expect(() => new RedisPubSubChannelLayer({ cluster: unknown })).toThrow(
      /option cluster\.scaleReads: "slave"; expected no such cluster option; use nodes, username/,
    );
    expect(() => new RedisPubSubChannelLayer({ cluster: { nodes: [] } })).toThrow(
      /option cluster\.nodes: .*at least one/,
    );
    expect(() => new RedisPubSubChannelLayer({ cluster: { nodes: ["127.0.0.1:7000"] } })).toThrow(
      /option cluster\.nodes: "127\.0\.0\.1:7000"; expected "redis:\/\/host:port"/,
    );
    const misspelt = { cluster: { nodes: ["redis://a:7000"] }, expiray: 5 } as never;
    expect(() => new RedisPubSubChannelLayer(misspelt)).toThrow(/option expiray/);
  });
});

describe("RedisPubSubChannelLayer on a cluster none of whose nodes answer", () => {
  test("connect() rejects at once with RedisHostUnavailable, operations fail fast, close() ends it", async () => {
    const port = await freePort(); // nothing listens there
    const layer = new RedisPubSubChannelLayer({
      cluster: { nodes: [{ host: "127.0.0.1", port }] },
      operationTimeoutMs: 60_000, // nothing below may wait for it
      reconnectMaxDelayMs: 100,
    });
    try {
      const down = new Promise<{ firstConnection: boolean; host: string }>((resolve) => layer.once("down", resolve));
      const failure = await layer.connect().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(RedisHostUnavailable);
      expect(failure).toMatchObject({ code: "REDIS_HOST_UNAVAILABLE", downForMs: undefined });
      expect((failure as Error).message).toContain(`cluster 127.0.0.1:${port} is unreachable`);
      expect(await down).toMatchObject({ firstConnection: true, host: `cluster 127.0.0.1:${port}` });
      expect(layer.unavailable).toBe(failure);
      await expect(layer.groupSend("room", { type: "lost" })).rejects.toBe(failure);
      await expect(layer.newChannel()).rejects.toBe(failure);
    } finally {
      await layer.close();
    }
  });
});

describeWithRedisCluster("RedisPubSubChannelLayer on a three-master Redis Cluster (two processes)", () => {
  const cluster = useRedisCluster();
  const layers: RedisPubSubChannelLayer[] = [];
  const warnings: string[] = [];
  const layer = (operationTimeoutMs = 5000): RedisPubSubChannelLayer => {
    const made = new RedisPubSubChannelLayer({
      cluster: { nodes: cluster.nodes.slice(0, 1) },
      reconnectMinDelayMs: 20,
      reconnectMaxDelayMs: 500,
      operationTimeoutMs,
      logger: { warn: (message) => warnings.push(message) }, // restores failing while a master is dead
    });
    layers.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(layers.splice(0).map((made) => made.close()));
  });

  /** Two connected layers, as two processes would have. */
  async function pair(): Promise<[RedisPubSubChannelLayer, RedisPubSubChannelLayer]> {
    const both: [RedisPubSubChannelLayer, RedisPubSubChannelLayer] = [layer(), layer()];
    await Promise.all(both.map((made) => made.connect()));
    return both;
  }

  /** Every message of `channels` sent from `sender` arrives, each where it was sent. */
  async function sendToAll(sender: RedisPubSubChannelLayer, receivers: Array<[RedisPubSubChannelLayer, string]>) {
    for (const [, channel] of receivers) await sender.send(channel, { type: "direct", to: channel });
    const got = await Promise.all(receivers.map(([receiver, channel]) => receiver.receive(channel)));
    expect(got.map((message) => message.to)).toEqual(receivers.map(([, channel]) => channel));
  }

  test("send and receive between the two, both ways, and on a named channel", async () => {
    const [a, b] = await pair();
    const [inA, inB] = [await a.newChannel(), await b.newChannel()];
    await a.send(inB, { type: "hello", text: "a to b" });
    await b.send(inA, { type: "hello", text: "b to a" });
    expect((await b.receive(inB)).text).toBe("a to b");
    expect((await a.receive(inA)).text).toBe("b to a");
    const worker = a.receive("thumbnails"); // a named channel: a shard channel of its own
    await waitUntilSubscribed(
      cluster.nodes.map((node) => node.port),
      "thumbnails",
    );
    await b.send("thumbnails", { type: "job", id: 7 });
    expect((await worker).id).toBe(7);
  });

  test("groupSend reaches the group's members in both processes", async () => {
    const [a, b] = await pair();
    const members = [await a.newChannel(), await a.newChannel(), await b.newChannel()];
    await a.groupAdd("room", members[0] as string);
    await a.groupAdd("room", members[1] as string);
    await b.groupAdd("room", members[2] as string);
    await b.groupSend("room", { type: "chat.message", text: "to all three" });
    const got: Message[] = await Promise.all([
      a.receive(members[0] as string),
      a.receive(members[1] as string),
      b.receive(members[2] as string),
    ]);
    expect(got.map((message) => message.text)).toEqual(["to all three", "to all three", "to all three"]);
  });

  test("both processes' inboxes and the groups are spread over all three masters", async () => {
    const [a, b] = await pair();
    await a.newChannel();
    await b.newChannel();
    const groups = Array.from({ length: 60 }, (_, i) => `spread${i}`);
    const member = await a.newChannel();
    for (const group of groups) await a.groupAdd(group, member);
    const masters = await cluster.masters();
    for (const master of masters) {
      const channels = (await cluster.client(master.port).call("PUBSUB", "SHARDCHANNELS")) as string[];
      expect(channels.filter((channel) => channel.includes(`__inbox__${a.clientPrefix}`)).length).toBeGreaterThan(0);
      expect(channels.filter((channel) => channel.includes(`__inbox__${b.clientPrefix}`)).length).toBeGreaterThan(0);
      expect(channels.filter((channel) => channel.includes("__group__spread")).length).toBeGreaterThanOrEqual(10);
    }
  });

  test("after the slot of a group moves to another master, groupSend reaches both processes again", async () => {
    const [a, b] = await pair();
    const [inA, inB] = [await a.newChannel(), await b.newChannel()];
    await a.groupAdd("moving", inA);
    await b.groupAdd("moving", inB);
    const slot = keySlot(spreadName(a.groupChannel("moving")));
    const from = await cluster.ownerOf(slot);
    const to = (await cluster.masters()).find((node) => node.port !== from)?.port as number;
    const why = reasons(a, b);
    const back = Promise.all([nextUp(a), nextUp(b)]);
    const started = Date.now();
    await cluster.moveSlot(slot, to);
    await back;
    process.stderr.write(
      `layers: slot ${slot} :${from} -> :${to}, both up again after ${Date.now() - started} ms (${why()})\n`,
    );
    await a.groupSend("moving", { type: "chat.message", text: "after the move" });
    expect((await a.receive(inA)).text).toBe("after the move");
    expect((await b.receive(inB)).text).toBe("after the move");
  });

  test("after a manual failover, sends and group sends reach both processes", async () => {
    const [a, b] = await pair();
    const channels = await Promise.all([...Array(20).keys()].map((i) => (i % 2 === 0 ? a : b).newChannel()));
    const receivers = channels.map((channel, i): [RedisPubSubChannelLayer, string] => [i % 2 === 0 ? a : b, channel]);
    await a.groupAdd("failover", channels[0] as string);
    await b.groupAdd("failover", channels[1] as string);
    const back = Promise.all([nextUp(a), nextUp(b)]);
    const started = Date.now();
    const { from, to } = await cluster.failoverOf(keySlot(spreadName(a.groupChannel("failover"))));
    await back;
    process.stderr.write(`layers: failover :${from} -> :${to}, both up again after ${Date.now() - started} ms\n`);
    await b.groupSend("failover", { type: "chat.message", text: "after failover" });
    expect((await a.receive(channels[0] as string)).text).toBe("after failover");
    expect((await b.receive(channels[1] as string)).text).toBe("after failover");
    await sendToAll(a, receivers);
  });

  test("after a master is killed and its replica takes over, sends and group sends reach both processes", async () => {
    const [a, b] = await pair();
    const channels = await Promise.all([...Array(20).keys()].map((i) => (i % 2 === 0 ? a : b).newChannel()));
    const receivers = channels.map((channel, i): [RedisPubSubChannelLayer, string] => [i % 2 === 0 ? a : b, channel]);
    await a.groupAdd("killed", channels[0] as string);
    await b.groupAdd("killed", channels[1] as string);
    // A third process that gives up on an outage after 300 ms, long before the replica takes over.
    const impatient = layer(300);
    await impatient.connect();
    const inImpatient = await impatient.newChannel();
    await impatient.groupAdd("killed", inImpatient);
    const impatientDown = new Promise((resolve) => impatient.once("down", resolve));
    const aDown = new Promise((resolve) => a.once("down", resolve));
    const back = Promise.all([nextUp(a), nextUp(b), nextUp(impatient)]);
    const started = Date.now();
    const slot = keySlot(spreadName(a.groupChannel("killed")));
    // Another group on the master about to die: its subscription cannot be placed until the replica takes over.
    const dying = await cluster.ownerOf(slot);
    let other = "";
    for (let i = 0; other === ""; i++)
      if ((await cluster.ownerOf(keySlot(spreadName(a.groupChannel(`killed-too${i}`))))) === dying)
        other = `killed-too${i}`;
    const killing = cluster.killMasterOf(slot);
    await impatientDown;
    const adding = impatient.groupAdd(other, inImpatient);
    await expect(adding).rejects.toBeInstanceOf(RedisHostUnavailable);
    expect(Date.now() - started).toBeLessThan(2000);
    // A group send made while a's subscriptions are lost waits for them (a's timeout is 5 s), then
    // goes: a's own member gets it; the others only if their process was back first (at most once).
    await aDown;
    const during = a.groupSend("killed", { type: "chat.message", text: "sent during the outage" });
    const { from, to } = await killing;
    await back;
    expect(warnings.some((warning) => /restore failed, retrying/.test(warning))).toBe(true);
    process.stderr.write(`layers: killed :${from}, :${to} took over, both up again after ${Date.now() - started} ms\n`);
    expect(a.unavailable).toBeUndefined();
    await during;
    expect((await a.receive(channels[0] as string)).text).toBe("sent during the outage");
    await b.groupSend("killed", { type: "chat.message", text: "after the kill" });
    expect((await a.receive(channels[0] as string)).text).toBe("after the kill");
    expect(await nextBut(b, channels[1] as string, "sent during the outage")).toBe("after the kill");
    await sendToAll(b, receivers);
    // The membership made during the outage holds: its subscription was placed once the cluster was back.
    expect(impatient.unavailable).toBeUndefined();
    expect(await nextBut(impatient, inImpatient, "sent during the outage")).toBe("after the kill");
    await a.groupSend(other, { type: "chat.message", text: "made during the outage" });
    expect((await impatient.receive(inImpatient)).text).toBe("made during the outage");
  }, 40_000);

  /** The text of the next message on `channel` that is not `skipped`. */
  async function nextBut(receiver: RedisPubSubChannelLayer, channel: string, skipped: string): Promise<unknown> {
    for (;;) {
      const { text } = await receiver.receive(channel);
      if (text !== skipped) return text;
    }
  }

  /** Until some master lists the shard channel of `name` (a receive subscribes in the background). */
  async function waitUntilSubscribed(ports: number[], name: string): Promise<void> {
    const shardChannel = spreadName(name);
    for (;;) {
      for (const port of ports) {
        const listed = (await cluster.client(port).call("PUBSUB", "SHARDCHANNELS", shardChannel)) as string[];
        if (listed.length > 0) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

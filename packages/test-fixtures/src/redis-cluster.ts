import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Redis from "ioredis";
import { startProcess, type TestProcess } from "./child-process";
import { findOnPath } from "./find-on-path";
import { freePort, REDIS_SERVER } from "./redis-server";

/** Absolute path of `redis-cli` on PATH (Debian package redis-tools, a dependency of redis-server), or undefined. */
export const REDIS_CLI = findOnPath("redis-cli");

/**
 * `describe`, or `describe.skip` with a warning naming why, when redis-server or redis-cli is
 * missing or older than 7.0 (sharded pub/sub, SSUBSCRIBE/SPUBLISH, came with Redis 7).
 */
export function describeWithRedisCluster(name: string, body: () => void): void {
  const missing =
    REDIS_SERVER === undefined
      ? "redis-server is not on PATH"
      : REDIS_CLI === undefined
        ? "redis-cli is not on PATH"
        : serverMajor() < 7
          ? `redis-server ${serverVersion()} is older than 7.0, which sharded pub/sub needs`
          : "";
  if (missing !== "") {
    process.stderr.write(`!!! SKIPPED "${name}": ${missing} (Debian: apt-get install redis-server redis-tools).\n`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

function serverVersion(): string {
  const out = execFileSync(REDIS_SERVER as string, ["--version"], { encoding: "utf8" });
  return /v=(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? out.trim();
}

function serverMajor(): number {
  return Number(serverVersion().split(".")[0]);
}

export interface RedisClusterOptions {
  /** Masters (each owning an even share of the 16384 slots). Default 3, the smallest cluster Redis accepts. */
  masters?: number;
  /** Replicas per master (needed to survive a master's death). Default 1. */
  replicasPerMaster?: number;
  /** `cluster-node-timeout`: how long a master may not answer before its replica takes over. Default 1000. */
  nodeTimeoutMs?: number;
}

/** One node of the cluster as CLUSTER NODES describes it. */
export interface ClusterNode {
  id: string;
  port: number;
  role: "master" | "replica";
  /** The master's id, for a replica. */
  masterId: string | undefined;
  /** Slot ranges owned, inclusive ([from, to]); empty for a replica. */
  slots: Array<[number, number]>;
  failed: boolean;
}

/** Longest any step (start, create, failover, slot move) may take before the fixture gives up, naming it. */
const STEP_TIMEOUT_MS = 30_000;
const SLOTS = 16_384;

/**
 * A Redis Cluster of `masters` masters with `replicasPerMaster` replicas each, from
 * /usr/bin/redis-server on free 127.0.0.1 ports, no persistence, node configs in a temporary
 * directory, created with `redis-cli --cluster create`; every process stopped by its PID on
 * dispose. Either `useRedisCluster()` (one per describe block) or
 * `await using cluster = await RedisCluster.start()`.
 */
export class RedisCluster implements AsyncDisposable {
  private readonly servers = new Map<number, TestProcess>();
  private readonly clients = new Map<number, Redis>();
  /** Nodes stopped with SIGSTOP: their connections stay open and answer nothing. */
  private readonly frozen = new Set<number>();
  private dir: string | undefined;

  constructor(private readonly options: RedisClusterOptions = {}) {}

  static async start(options?: RedisClusterOptions): Promise<RedisCluster> {
    const cluster = new RedisCluster(options);
    await cluster.start();
    return cluster;
  }

  /** Every node's address (a cluster client needs only one, but is given all). */
  get nodes(): Array<{ host: string; port: number }> {
    if (this.servers.size === 0) throw new Error("RedisCluster: not started yet (use it inside a test)");
    return [...this.servers.keys()].map((port) => ({ host: "127.0.0.1", port }));
  }

  /** Ports of the nodes whose process is running (and not frozen). */
  get ports(): number[] {
    return [...this.servers].filter(([port, server]) => server.alive && !this.frozen.has(port)).map(([port]) => port);
  }

  async start(): Promise<void> {
    const masters = this.options.masters ?? 3;
    const replicas = this.options.replicasPerMaster ?? 1;
    this.dir = await mkdtemp(join(tmpdir(), "redis-cluster-"));
    const ports = await Promise.all(Array.from({ length: masters * (1 + replicas) }, () => this.startServer()));
    const create = startProcess(
      REDIS_CLI ?? "redis-cli",
      ["--cluster", "create", ...ports.map((port) => `127.0.0.1:${port}`)].concat([
        "--cluster-replicas",
        String(replicas),
        "--cluster-yes",
      ]),
      { name: "redis-cli --cluster create" },
    );
    const exit = await create.exited;
    if (exit.code !== 0) throw new Error(`redis-cli --cluster create failed (${exit.code}):\n${create.output}`);
    await this.settled("the cluster to be created");
  }

  /**
   * Resolves once every running node says cluster_state:ok, they agree on which node owns each
   * slot, and every replica is in sync with its master (so that it can take over).
   */
  async settled(what = "the cluster to settle"): Promise<void> {
    await until(what, async () => {
      const views = await Promise.all(this.ports.map((port) => this.client(port).call("CLUSTER", "NODES")));
      const infos = await Promise.all(this.ports.map((port) => this.client(port).call("CLUSTER", "INFO")));
      if (!infos.every((info) => /cluster_state:ok/.test(String(info)))) return false;
      const owners = views.map((view) => ownerTable(parseNodes(String(view)).filter((node) => !node.failed)));
      if (!owners.every((owner) => owner === owners[0])) return false;
      const replicas = parseNodes(String(views[0])).filter((node) => node.role === "replica" && !node.failed);
      const links = await Promise.all(replicas.map((node) => this.client(node.port).info("replication")));
      return links.every((info) => /master_link_status:up/.test(info));
    });
  }

  /** CLUSTER NODES as one running node sees it. */
  async describe(): Promise<ClusterNode[]> {
    const port = this.ports[0];
    if (port === undefined) throw new Error("RedisCluster: no node is running");
    return parseNodes(String(await this.client(port).call("CLUSTER", "NODES")));
  }

  /** The master nodes that are not failed. */
  async masters(): Promise<ClusterNode[]> {
    return (await this.describe()).filter((node) => node.role === "master" && !node.failed && node.slots.length > 0);
  }

  /** Port of the master owning `slot` now. */
  async ownerOf(slot: number): Promise<number> {
    const owner = (await this.masters()).find((node) => node.slots.some(([from, to]) => slot >= from && slot <= to));
    if (owner === undefined) throw new Error(`RedisCluster: no master owns slot ${slot}`);
    return owner.port;
  }

  /** CLUSTER KEYSLOT `name`, as Redis computes it. */
  async keyslot(name: string): Promise<number> {
    const port = this.ports[0] as number;
    return Number(await this.client(port).call("CLUSTER", "KEYSLOT", name));
  }

  /**
   * SIGKILL to the process of the master owning `slot`; resolves once its replica has taken
   * over (after `nodeTimeoutMs` and an election) and the cluster has settled again.
   */
  async killMasterOf(slot: number): Promise<{ from: number; to: number }> {
    const from = await this.ownerOf(slot);
    const server = this.servers.get(from) as TestProcess;
    server.kill("SIGKILL");
    await server.exited;
    let to = from;
    await until(`a replica to take over slot ${slot} from :${from}`, async () => {
      to = await this.ownerOf(slot);
      return to !== from;
    });
    await this.settled(`the cluster to settle after :${from} was killed`);
    return { from, to };
  }

  /**
   * SIGSTOP to the process of the master owning `slot`: a hung host (its TCP connections stay
   * open, nothing answers), until `resume()`. Returns at once; `tookOver` resolves once its
   * replica has taken over (after `nodeTimeoutMs` and an election) and the others have settled.
   * `resume()` (SIGCONT) lets it rejoin, as a replica; dispose resumes what is still frozen.
   */
  async freezeMasterOf(slot: number): Promise<{ from: number; tookOver: Promise<number>; resume(): Promise<void> }> {
    const from = await this.ownerOf(slot);
    (this.servers.get(from) as TestProcess).kill("SIGSTOP");
    this.frozen.add(from);
    this.client(from).disconnect(); // its commands would hang; a new client is made after resume
    this.clients.delete(from);
    const tookOver = (async () => {
      let to = from;
      await until(`a replica to take over slot ${slot} from the frozen :${from}`, async () => {
        to = await this.ownerOf(slot);
        return to !== from;
      });
      return to;
    })();
    const resume = async (): Promise<void> => {
      if (!this.frozen.delete(from)) return;
      (this.servers.get(from) as TestProcess).kill("SIGCONT");
      await this.settled(`the cluster to settle after :${from} was resumed`);
    };
    return { from, tookOver, resume };
  }

  /**
   * CLUSTER FAILOVER on the replica of the master owning `slot` (a manual failover: the master
   * stops, the replica catches up and takes over, the old master becomes its replica).
   */
  async failoverOf(slot: number): Promise<{ from: number; to: number }> {
    // A master killed by an earlier test rejoins as a replica only after a while; until the
    // cluster agrees on it, the slot's owner may have no healthy replica yet.
    let from = 0;
    let replica: ClusterNode | undefined;
    await until(`a healthy replica of the master owning slot ${slot}`, async () => {
      const nodes = await this.describe();
      from = await this.ownerOf(slot);
      const master = nodes.find((node) => node.port === from);
      replica = master && nodes.find((node) => node.masterId === master.id && !node.failed);
      return replica !== undefined;
    });
    const chosen = replica as ClusterNode | undefined;
    if (chosen === undefined) throw new Error(`RedisCluster: the master :${from} has no replica to fail over to`);
    await this.client(chosen.port).call("CLUSTER", "FAILOVER");
    await until(`the replica :${chosen.port} to take over slot ${slot}`, async () => {
      const owners = await Promise.all(this.ports.map((port) => this.client(port).call("CLUSTER", "NODES")));
      return owners.every((view) =>
        parseNodes(String(view)).some(
          (node) => node.port === chosen.port && node.role === "master" && node.slots.length > 0,
        ),
      );
    });
    await this.settled(`the cluster to settle after failing :${from} over to :${chosen.port}`);
    return { from, to: chosen.port };
  }

  /**
   * Moves one (empty) slot to the master at `toPort` the way `redis-cli --cluster reshard`
   * does: IMPORTING on the target, MIGRATING on the source, then SETSLOT NODE on every master.
   */
  async moveSlot(slot: number, toPort: number): Promise<void> {
    const nodes = await this.describe();
    const fromPort = await this.ownerOf(slot);
    const from = nodes.find((node) => node.port === fromPort) as ClusterNode;
    const to = nodes.find((node) => node.port === toPort);
    if (to === undefined || !(await this.isMaster(toPort))) throw new Error(`RedisCluster: :${toPort} is not a master`);
    if (fromPort === toPort) return;
    await this.client(toPort).call("CLUSTER", "SETSLOT", String(slot), "IMPORTING", from.id);
    await this.client(fromPort).call("CLUSTER", "SETSLOT", String(slot), "MIGRATING", to.id);
    // Target first, as redis-cli does, so that no node ever points at a target that does not know it owns the slot.
    await this.client(toPort).call("CLUSTER", "SETSLOT", String(slot), "NODE", to.id);
    await this.client(fromPort).call("CLUSTER", "SETSLOT", String(slot), "NODE", to.id);
    // Each node's own ROLE, not one node's CLUSTER NODES view: after a failover that view can still
    // call a demoted master "master", and SETSLOT on a replica fails ("use SETSLOT only with masters").
    for (const node of nodes)
      if (!node.failed && node.port !== toPort && node.port !== fromPort && (await this.isMaster(node.port)))
        await this.client(node.port).call("CLUSTER", "SETSLOT", String(slot), "NODE", to.id);
    await this.settled(`the cluster to agree that slot ${slot} moved to :${toPort}`);
  }

  /** Whether the node at `port` says it is a master (ROLE), whatever the others think. */
  private async isMaster(port: number): Promise<boolean> {
    const role = (await this.client(port).call("ROLE")) as unknown[];
    return role[0] === "master";
  }

  /** A plain (non-cluster) client on the node at `port` (one per port); disconnected on dispose. */
  client(port: number): Redis {
    let client = this.clients.get(port);
    if (client === undefined) {
      client = new Redis({
        host: "127.0.0.1",
        port,
        retryStrategy: () => 50,
        maxRetriesPerRequest: 1,
        disconnectTimeout: 100,
      });
      client.on("error", () => undefined); // a killed node is expected; its commands fail instead
      this.clients.set(port, client);
    }
    return client;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    // A stopped process would not see the SIGTERM that stops it.
    for (const port of this.frozen) this.servers.get(port)?.kill("SIGCONT");
    this.frozen.clear();
    for (const client of this.clients.values()) client.disconnect();
    this.clients.clear();
    const all = [...this.servers.values()];
    this.servers.clear();
    await Promise.all(all.map((server) => server.stop()));
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
  }

  private async startServer(): Promise<number> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const port = await freePort();
      // Its own bus port: the default, port + 10000, is past 65535 for much of the ephemeral range.
      const busPort = await freePort();
      const server = startProcess(REDIS_SERVER ?? "redis-server", this.serverArgs(port, busPort), {
        name: `redis-server :${port} (cluster)`,
      });
      try {
        await server.waitFor(/Ready to accept connections/, STEP_TIMEOUT_MS);
        this.servers.set(port, server);
        return port;
      } catch (error) {
        lastError = error; // the port or the bus port was taken meanwhile: try others
        await server.stop();
      }
    }
    throw lastError;
  }

  private serverArgs(port: number, busPort: number): string[] {
    return [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      this.dir ?? tmpdir(),
      "--cluster-enabled",
      "yes",
      "--cluster-port",
      String(busPort),
      "--cluster-config-file",
      `nodes-${port}.conf`,
      "--cluster-node-timeout",
      String(this.options.nodeTimeoutMs ?? 1000),
      // A replica takes over however long it was cut off, and never moves to another master.
      "--cluster-replica-validity-factor",
      "0",
      "--cluster-allow-replica-migration",
      "no",
    ];
  }
}

/** A cluster for the enclosing describe block: started in beforeAll, stopped in afterAll. */
export function useRedisCluster(options?: RedisClusterOptions): RedisCluster {
  const cluster = new RedisCluster(options);
  beforeAll(() => cluster.start(), STEP_TIMEOUT_MS * 2);
  afterAll(() => cluster[Symbol.asyncDispose](), STEP_TIMEOUT_MS);
  return cluster;
}

/** CLUSTER NODES, parsed. */
export function parseNodes(text: string): ClusterNode[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [id = "", address = "", flags = "", master = "-", , , , , ...slots] = line.split(" ");
      const port = Number(/:(\d+)/.exec(address)?.[1]);
      return {
        id,
        port,
        role: flags.includes("master") ? ("master" as const) : ("replica" as const),
        masterId: master === "-" ? undefined : master,
        slots: slots
          .filter((range) => !range.startsWith("["))
          .map((range) => {
            const [from, to = from] = range.split("-").map(Number);
            return [from as number, to as number] as [number, number];
          }),
        failed: /fail(?!\?)|noaddr/.test(flags),
      };
    });
}

/** The owner's port of every slot, as one string, to compare views of the cluster. */
function ownerTable(nodes: ClusterNode[]): string {
  const owners = new Array<number>(SLOTS).fill(0);
  for (const node of nodes) for (const [from, to] of node.slots) owners.fill(node.port, from, to + 1);
  return owners.join(",");
}

/**
 * Polls `check` (a question to Redis) until it is true, at most STEP_TIMEOUT_MS; a state change
 * of another process has no event to wait on, so a bounded poll is the synchronisation here.
 */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error; // a node that is failing over: ask again
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `RedisCluster: timed out waiting for ${what}${lastError === undefined ? "" : ` (${String(lastError)})`}`,
  );
}

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Redis from "ioredis";
import { startProcess, type TestProcess } from "./child-process";
import { findOnPath } from "./find-on-path";
import { freePort, REDIS_SERVER } from "./redis-server";

/** Absolute path of `redis-sentinel` on PATH (Debian package redis-sentinel), or undefined. */
export const REDIS_SENTINEL = findOnPath("redis-sentinel");

/** `describe`, or `describe.skip` with a warning naming why, when redis-server or redis-sentinel is missing. */
export function describeWithSentinel(name: string, body: () => void): void {
  const missing = REDIS_SERVER === undefined ? "redis-server" : REDIS_SENTINEL === undefined ? "redis-sentinel" : "";
  if (missing !== "") {
    process.stderr.write(
      `!!! SKIPPED "${name}": ${missing} is not on PATH (Debian: apt-get install redis-server redis-sentinel).\n`,
    ); // Jest hides console output of all-skipped files
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

export interface SentinelSetOptions {
  /** Sentinel's `down-after-milliseconds`: how long a master may not answer before it is down. Default 500. */
  downAfterMs?: number;
  /** Sentinel's `failover-timeout`. Default 2000. */
  failoverTimeoutMs?: number;
}

/** Longest any step of the set (a start, a failover) may take before the fixture gives up, naming it. */
const STEP_TIMEOUT_MS = 20_000;

/**
 * One master and one replica redis-server and one redis-sentinel monitoring them (quorum 1), on
 * free 127.0.0.1 ports, with no persistence; every process stopped by its PID on dispose.
 * Either `useRedisSentinel()` (one per describe block) or `await using set = await RedisSentinelSet.start()`.
 */
export class RedisSentinelSet implements AsyncDisposable {
  readonly masterName = "mymaster";
  private readonly servers = new Map<number, TestProcess>();
  private sentinel: TestProcess | undefined;
  private chosenSentinelPort: number | undefined;
  private dir: string | undefined;
  private readonly clients: Redis[] = [];

  constructor(private readonly options: SentinelSetOptions = {}) {}

  static async start(options?: SentinelSetOptions): Promise<RedisSentinelSet> {
    const set = new RedisSentinelSet(options);
    await set.start();
    return set;
  }

  get sentinelPort(): number {
    if (this.chosenSentinelPort === undefined)
      throw new Error("RedisSentinelSet: not started yet (use it inside a test)");
    return this.chosenSentinelPort;
  }

  /** The layer's `hosts` entry for this set, in channels_redis's spelling. */
  get host(): { sentinels: Array<[string, number]>; master_name: string } {
    return { sentinels: [["127.0.0.1", this.sentinelPort]], master_name: this.masterName };
  }

  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), "redis-sentinel-"));
    const masterPort = await this.startServer([]);
    const replicaPort = await this.startServer(["--replicaof", "127.0.0.1", String(masterPort)]);
    const replica = this.client(replicaPort);
    await until("the replica to sync with the master", async () =>
      /master_link_status:up/.test(await replica.info("replication")),
    );
    // Started once the replica is in sync, so that the Sentinel's first INFO on the master lists it.
    this.chosenSentinelPort = await freePort();
    const config = join(this.dir, "sentinel.conf");
    await writeFile(
      config,
      [
        `port ${this.sentinelPort}`,
        "bind 127.0.0.1",
        `dir ${this.dir}`,
        `sentinel monitor ${this.masterName} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${this.masterName} ${this.options.downAfterMs ?? 500}`,
        `sentinel failover-timeout ${this.masterName} ${this.options.failoverTimeoutMs ?? 2000}`,
        `sentinel parallel-syncs ${this.masterName} 1`,
        "",
      ].join("\n"),
    );
    this.sentinel = startProcess(REDIS_SENTINEL ?? "redis-sentinel", [config], { name: "redis-sentinel" });
    await this.sentinel.waitFor(/\+monitor master/, STEP_TIMEOUT_MS);
    await until("the Sentinel to see the replica as healthy", async () => (await this.healthyReplica()) !== undefined);
  }

  /** The master's port, as the Sentinel reports it now. */
  async masterPort(): Promise<number> {
    const [, port] = (await this.sentinelClient().call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", this.masterName)) as [
      string,
      string,
    ];
    return Number(port);
  }

  /** ROLE's first field on the server at `port`: "master" or "slave". */
  async role(port: number): Promise<string> {
    const [role] = (await this.client(port).call("ROLE")) as [string];
    return role;
  }

  /**
   * SENTINEL FAILOVER: the replica becomes the master, and the old master its replica (the
   * Sentinel closes the old master's client connections as it demotes it, up to 10 s later).
   * Resolves with both ports once the Sentinel names the new master and that server says it is master.
   */
  async failover(): Promise<{ from: number; to: number }> {
    const from = await this.masterPort();
    await until("SENTINEL FAILOVER to be accepted", async () => {
      try {
        await this.sentinelClient().call("SENTINEL", "FAILOVER", this.masterName);
        return true;
      } catch {
        return false; // NOGOODSLAVE or INPROG: the Sentinel is not ready for it yet
      }
    });
    // The old master is demoted later, when the Sentinel's next INFO (every 10 s) finds it still a master.
    return { from, to: await this.promoted(from) };
  }

  /** SIGKILL to the master's PID; resolves once the Sentinel has promoted the replica. */
  async killMaster(): Promise<{ from: number; to: number }> {
    const from = await this.masterPort();
    const master = this.servers.get(from);
    if (master === undefined) throw new Error(`RedisSentinelSet: no server of this set on port ${from}`);
    master.kill("SIGKILL");
    await master.exited;
    this.servers.delete(from);
    return { from, to: await this.promoted(from) };
  }

  /** A plain client on the server at `port` (or the Sentinel's); disconnected on dispose. */
  client(port: number): Redis {
    const client = new Redis({ host: "127.0.0.1", port, retryStrategy: () => 50, maxRetriesPerRequest: 1 });
    client.on("error", () => undefined); // a killed server is expected; its commands fail instead
    this.clients.push(client);
    return client;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    for (const client of this.clients.splice(0)) client.disconnect();
    const all = [...this.servers.values(), ...(this.sentinel === undefined ? [] : [this.sentinel])];
    this.servers.clear();
    this.sentinel = undefined;
    await Promise.all(all.map((started) => started.stop()));
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
  }

  private sentinelClientCache: Redis | undefined;
  private sentinelClient(): Redis {
    this.sentinelClientCache ??= this.client(this.sentinelPort);
    return this.sentinelClientCache;
  }

  private async promoted(from: number): Promise<number> {
    let to = from;
    await until(`the Sentinel to promote a new master (old: ${from})`, async () => {
      to = await this.masterPort();
      return to !== from && (await this.role(to)) === "master";
    });
    return to;
  }

  private async healthyReplica(): Promise<string | undefined> {
    const replicas = (await this.sentinelClient().call("SENTINEL", "REPLICAS", this.masterName)) as string[][];
    for (const fields of replicas) {
      const info = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) info.set(fields[i] as string, fields[i + 1] as string);
      if (info.get("flags") === "slave" && info.get("master-link-status") === "ok") return info.get("port");
    }
    return undefined;
  }

  private async startServer(extra: string[]): Promise<number> {
    const port = await freePort();
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const server = startProcess(REDIS_SERVER ?? "redis-server", [...args, "--dir", this.dir ?? tmpdir(), ...extra], {
      name: `redis-server :${port}`,
    });
    this.servers.set(port, server);
    await server.waitFor(/Ready to accept connections/, STEP_TIMEOUT_MS);
    return port;
  }
}

/** A Sentinel set for the enclosing describe block: started in beforeAll, stopped in afterAll. */
export function useRedisSentinel(options?: SentinelSetOptions): RedisSentinelSet {
  const set = new RedisSentinelSet(options);
  beforeAll(() => set.start(), STEP_TIMEOUT_MS * 2);
  afterAll(() => set[Symbol.asyncDispose]());
  return set;
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
      lastError = error; // a server that is restarting or being promoted: ask again
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `RedisSentinelSet: timed out waiting for ${what}${lastError === undefined ? "" : ` (${String(lastError)})`}`,
  );
}

"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisSentinelSet = exports.REDIS_SENTINEL = void 0;
exports.describeWithSentinel = describeWithSentinel;
exports.useRedisSentinel = useRedisSentinel;
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const ioredis_1 = __importDefault(require("ioredis"));
const child_process_1 = require("./child-process");
const find_on_path_1 = require("./find-on-path");
const redis_server_1 = require("./redis-server");
/** Absolute path of `redis-sentinel` on PATH (Debian package redis-sentinel), or undefined. */
exports.REDIS_SENTINEL = (0, find_on_path_1.findOnPath)("redis-sentinel");
/** `describe`, or `describe.skip` with a warning naming why, when redis-server or redis-sentinel is missing. */
function describeWithSentinel(name, body) {
    const missing = redis_server_1.REDIS_SERVER === undefined ? "redis-server" : exports.REDIS_SENTINEL === undefined ? "redis-sentinel" : "";
    if (missing !== "") {
        process.stderr.write(`!!! SKIPPED "${name}": ${missing} is not on PATH (Debian: apt-get install redis-server redis-sentinel).\n`); // Jest hides console output of all-skipped files
        describe.skip(name, body);
    }
    else {
        describe(name, body);
    }
}
/** Longest any step of the set (a start, a failover) may take before the fixture gives up, naming it. */
const STEP_TIMEOUT_MS = 20_000;
/**
 * One master and one replica redis-server and one redis-sentinel monitoring them (quorum 1), on
 * free 127.0.0.1 ports, with no persistence; every process stopped by its PID on dispose.
 * Either `useRedisSentinel()` (one per describe block) or `await using set = await RedisSentinelSet.start()`.
 */
class RedisSentinelSet {
    options;
    masterName = "mymaster";
    servers = new Map();
    sentinel;
    chosenSentinelPort;
    dir;
    clients = [];
    constructor(options = {}) {
        this.options = options;
    }
    static async start(options) {
        const set = new RedisSentinelSet(options);
        await set.start();
        return set;
    }
    get sentinelPort() {
        if (this.chosenSentinelPort === undefined)
            throw new Error("RedisSentinelSet: not started yet (use it inside a test)");
        return this.chosenSentinelPort;
    }
    /** The layer's `hosts` entry for this set, in channels_redis's spelling. */
    get host() {
        return { sentinels: [["127.0.0.1", this.sentinelPort]], master_name: this.masterName };
    }
    async start() {
        this.dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "redis-sentinel-"));
        const masterPort = await this.startServer([]);
        const replicaPort = await this.startServer(["--replicaof", "127.0.0.1", String(masterPort)]);
        const replica = this.client(replicaPort);
        await until("the replica to sync with the master", async () => /master_link_status:up/.test(await replica.info("replication")));
        // Started once the replica is in sync, so that the Sentinel's first INFO on the master lists it.
        this.chosenSentinelPort = await (0, redis_server_1.freePort)();
        const config = (0, node_path_1.join)(this.dir, "sentinel.conf");
        await (0, promises_1.writeFile)(config, [
            `port ${this.sentinelPort}`,
            "bind 127.0.0.1",
            `dir ${this.dir}`,
            `sentinel monitor ${this.masterName} 127.0.0.1 ${masterPort} 1`,
            `sentinel down-after-milliseconds ${this.masterName} ${this.options.downAfterMs ?? 500}`,
            `sentinel failover-timeout ${this.masterName} ${this.options.failoverTimeoutMs ?? 2000}`,
            `sentinel parallel-syncs ${this.masterName} 1`,
            "",
        ].join("\n"));
        this.sentinel = (0, child_process_1.startProcess)(exports.REDIS_SENTINEL ?? "redis-sentinel", [config], { name: "redis-sentinel" });
        await this.sentinel.waitFor(/\+monitor master/, STEP_TIMEOUT_MS);
        await until("the Sentinel to see the replica as healthy", async () => (await this.healthyReplica()) !== undefined);
    }
    /** The master's port, as the Sentinel reports it now. */
    async masterPort() {
        const [, port] = (await this.sentinelClient().call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", this.masterName));
        return Number(port);
    }
    /** ROLE's first field on the server at `port`: "master" or "slave". */
    async role(port) {
        const [role] = (await this.client(port).call("ROLE"));
        return role;
    }
    /**
     * SENTINEL FAILOVER: the replica becomes the master, and the old master its replica (the
     * Sentinel closes the old master's client connections as it demotes it, up to 10 s later).
     * Resolves with both ports once the Sentinel names the new master and that server says it is master.
     */
    async failover() {
        const from = await this.masterPort();
        await until("SENTINEL FAILOVER to be accepted", async () => {
            try {
                await this.sentinelClient().call("SENTINEL", "FAILOVER", this.masterName);
                return true;
            }
            catch {
                return false; // NOGOODSLAVE or INPROG: the Sentinel is not ready for it yet
            }
        });
        // The old master is demoted later, when the Sentinel's next INFO (every 10 s) finds it still a master.
        return { from, to: await this.promoted(from) };
    }
    /** SIGKILL to the master's PID; resolves once the Sentinel has promoted the replica. */
    async killMaster() {
        const from = await this.masterPort();
        const master = this.servers.get(from);
        if (master === undefined)
            throw new Error(`RedisSentinelSet: no server of this set on port ${from}`);
        master.kill("SIGKILL");
        await master.exited;
        this.servers.delete(from);
        return { from, to: await this.promoted(from) };
    }
    /** A plain client on the server at `port` (or the Sentinel's); disconnected on dispose. */
    client(port) {
        const client = new ioredis_1.default({ host: "127.0.0.1", port, retryStrategy: () => 50, maxRetriesPerRequest: 1 });
        client.on("error", () => undefined); // a killed server is expected; its commands fail instead
        this.clients.push(client);
        return client;
    }
    async [Symbol.asyncDispose]() {
        for (const client of this.clients.splice(0))
            client.disconnect();
        const all = [...this.servers.values(), ...(this.sentinel === undefined ? [] : [this.sentinel])];
        this.servers.clear();
        this.sentinel = undefined;
        await Promise.all(all.map((started) => started.stop()));
        if (this.dir !== undefined)
            await (0, promises_1.rm)(this.dir, { recursive: true, force: true });
    }
    sentinelClientCache;
    sentinelClient() {
        this.sentinelClientCache ??= this.client(this.sentinelPort);
        return this.sentinelClientCache;
    }
    async promoted(from) {
        let to = from;
        await until(`the Sentinel to promote a new master (old: ${from})`, async () => {
            to = await this.masterPort();
            return to !== from && (await this.role(to)) === "master";
        });
        return to;
    }
    async healthyReplica() {
        const replicas = (await this.sentinelClient().call("SENTINEL", "REPLICAS", this.masterName));
        for (const fields of replicas) {
            const info = new Map();
            for (let i = 0; i + 1 < fields.length; i += 2)
                info.set(fields[i], fields[i + 1]);
            if (info.get("flags") === "slave" && info.get("master-link-status") === "ok")
                return info.get("port");
        }
        return undefined;
    }
    async startServer(extra) {
        const port = await (0, redis_server_1.freePort)();
        const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        const server = (0, child_process_1.startProcess)(redis_server_1.REDIS_SERVER ?? "redis-server", [...args, "--dir", this.dir ?? (0, node_os_1.tmpdir)(), ...extra], {
            name: `redis-server :${port}`,
        });
        this.servers.set(port, server);
        await server.waitFor(/Ready to accept connections/, STEP_TIMEOUT_MS);
        return port;
    }
}
exports.RedisSentinelSet = RedisSentinelSet;
/** A Sentinel set for the enclosing describe block: started in beforeAll, stopped in afterAll. */
function useRedisSentinel(options) {
    const set = new RedisSentinelSet(options);
    beforeAll(() => set.start(), STEP_TIMEOUT_MS * 2);
    afterAll(() => set[Symbol.asyncDispose]());
    return set;
}
/**
 * Polls `check` (a question to Redis) until it is true, at most STEP_TIMEOUT_MS; a state change
 * of another process has no event to wait on, so a bounded poll is the synchronisation here.
 */
async function until(what, check) {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    let lastError;
    while (Date.now() < deadline) {
        try {
            if (await check())
                return;
        }
        catch (error) {
            lastError = error; // a server that is restarting or being promoted: ask again
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`RedisSentinelSet: timed out waiting for ${what}${lastError === undefined ? "" : ` (${String(lastError)})`}`);
}
//# sourceMappingURL=redis-sentinel.js.map
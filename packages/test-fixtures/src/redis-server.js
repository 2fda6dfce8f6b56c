"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisServer = exports.REDIS_SERVER = void 0;
exports.describeWithRedis = describeWithRedis;
exports.useRedisServer = useRedisServer;
exports.freePort = freePort;
const node_child_process_1 = require("node:child_process");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const ioredis_1 = __importDefault(require("ioredis"));
const find_on_path_1 = require("./find-on-path");
/** Absolute path of `redis-server` on PATH, or undefined. */
exports.REDIS_SERVER = (0, find_on_path_1.findOnPath)("redis-server");
/** `describe`, or `describe.skip` with a warning naming why, when redis-server is missing. */
function describeWithRedis(name, body) {
    if (exports.REDIS_SERVER === undefined) {
        process.stderr.write(`!!! SKIPPED "${name}": redis-server is not on PATH (Debian: apt-get install redis-server).\n`); // Jest hides console output of all-skipped files
        describe.skip(name, body);
    }
    else {
        describe(name, body);
    }
}
/**
 * A redis-server child on 127.0.0.1 that a test owns, with no persistence. Either
 * `useRedisServer()` (one per describe block, started in beforeAll and disposed in afterAll),
 * or `await using redis = await RedisServer.start()`. Disposing it disconnects the clients made
 * by `client()`, then stops the server.
 */
class RedisServer {
    child;
    chosenPort;
    clients = [];
    /** Start on a free port (retrying if another process takes it first). */
    static async start() {
        const server = new RedisServer();
        await server.start();
        return server;
    }
    get port() {
        if (this.chosenPort === undefined)
            throw new Error("RedisServer: not started yet (use it inside a test)");
        return this.chosenPort;
    }
    get url() {
        return `redis://127.0.0.1:${this.port}`;
    }
    /** Picks a free port and starts there; a port taken meanwhile by another process is tried again. */
    async start() {
        let lastError;
        for (let attempt = 0; attempt < 5; attempt++) {
            this.chosenPort = await freePort();
            try {
                await this.restart();
                return;
            }
            catch (error) {
                lastError = error;
            }
        }
        throw lastError;
    }
    /** (Re)start on the same port, with no data (nothing is ever saved). */
    restart() {
        if (exports.REDIS_SERVER === undefined)
            return Promise.reject(new Error("redis-server is not on PATH"));
        const args = [
            "--port",
            String(this.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            (0, node_os_1.tmpdir)(),
        ];
        const child = (0, node_child_process_1.spawn)(exports.REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
        this.child = child;
        return new Promise((resolve, reject) => {
            let log = "";
            const onData = (chunk) => {
                log += chunk.toString();
                if (log.includes("Ready to accept connections")) {
                    child.stdout?.off("data", onData);
                    child.stdout?.resume();
                    resolve();
                }
            };
            child.stdout?.on("data", onData);
            child.stderr?.resume();
            child.once("error", reject);
            child.once("exit", (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${log}`)));
        });
    }
    /** Stop the server (SIGTERM) and wait for the process to exit. */
    stop() {
        const child = this.child;
        this.child = undefined;
        if (child === undefined || child.exitCode !== null || child.signalCode !== null)
            return Promise.resolve();
        return new Promise((resolve) => {
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
        });
    }
    /** A plain client on this server, to look at keys and commands; disconnected when the server is disposed. */
    client(options = {}) {
        const client = new ioredis_1.default(this.url, options);
        this.clients.push(client);
        return client;
    }
    async [Symbol.asyncDispose]() {
        // disconnect() on an ioredis client whose socket has already closed leaves a 2 s timer behind.
        for (const client of this.clients.splice(0))
            if (client.status !== "end")
                client.disconnect();
        await this.stop();
    }
}
exports.RedisServer = RedisServer;
/**
 * A redis-server for the enclosing describe block (or file): started in beforeAll, disposed
 * (its clients disconnected, the server stopped) in afterAll. Read `url` inside tests and hooks, not while the block is being declared.
 */
function useRedisServer() {
    const server = new RedisServer();
    beforeAll(() => server.start());
    afterAll(() => server[Symbol.asyncDispose]());
    return server;
}
/** A port on 127.0.0.1 that was free a moment ago (bound, then released). */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port")));
        });
    });
}
//# sourceMappingURL=redis-server.js.map
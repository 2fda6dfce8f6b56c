import Redis, { type RedisOptions } from "ioredis";
/** Absolute path of `redis-server` on PATH, or undefined. */
export declare const REDIS_SERVER: string | undefined;
/** `describe`, or `describe.skip` with a warning naming why, when redis-server is missing. */
export declare function describeWithRedis(name: string, body: () => void): void;
/**
 * A redis-server child on 127.0.0.1 that a test owns, with no persistence. Either
 * `useRedisServer()` (one per describe block, started in beforeAll and disposed in afterAll),
 * or `await using redis = await RedisServer.start()`. Disposing it disconnects the clients made
 * by `client()`, then stops the server.
 */
export declare class RedisServer implements AsyncDisposable {
    private child;
    private chosenPort;
    private readonly clients;
    /** Start on a free port (retrying if another process takes it first). */
    static start(): Promise<RedisServer>;
    get port(): number;
    get url(): string;
    /** Picks a free port and starts there; a port taken meanwhile by another process is tried again. */
    start(): Promise<void>;
    /** (Re)start on the same port, with no data (nothing is ever saved). */
    restart(): Promise<void>;
    /** Stop the server (SIGTERM) and wait for the process to exit. */
    stop(): Promise<void>;
    /** A plain client on this server, to look at keys and commands; disconnected when the server is disposed. */
    client(options?: RedisOptions): Redis;
    [Symbol.asyncDispose](): Promise<void>;
}
/**
 * A redis-server for the enclosing describe block (or file): started in beforeAll, disposed
 * (its clients disconnected, the server stopped) in afterAll. Read `url` inside tests and hooks, not while the block is being declared.
 */
export declare function useRedisServer(): RedisServer;
/** A port on 127.0.0.1 that was free a moment ago (bound, then released). */
export declare function freePort(): Promise<number>;

import Redis from "ioredis";
/** Absolute path of `redis-sentinel` on PATH (Debian package redis-sentinel), or undefined. */
export declare const REDIS_SENTINEL: string | undefined;
/** `describe`, or `describe.skip` with a warning naming why, when redis-server or redis-sentinel is missing. */
export declare function describeWithSentinel(name: string, body: () => void): void;
export interface SentinelSetOptions {
    /** Sentinel's `down-after-milliseconds`: how long a master may not answer before it is down. Default 500. */
    downAfterMs?: number;
    /** Sentinel's `failover-timeout`. Default 2000. */
    failoverTimeoutMs?: number;
}
/**
 * One master and one replica redis-server and one redis-sentinel monitoring them (quorum 1), on
 * free 127.0.0.1 ports, with no persistence; every process stopped by its PID on dispose.
 * Either `useRedisSentinel()` (one per describe block) or `await using set = await RedisSentinelSet.start()`.
 */
export declare class RedisSentinelSet implements AsyncDisposable {
    private readonly options;
    readonly masterName = "mymaster";
    private readonly servers;
    private sentinel;
    private chosenSentinelPort;
    private dir;
    private readonly clients;
    constructor(options?: SentinelSetOptions);
    static start(options?: SentinelSetOptions): Promise<RedisSentinelSet>;
    get sentinelPort(): number;
    /** The layer's `hosts` entry for this set, in channels_redis's spelling. */
    get host(): {
        sentinels: Array<[string, number]>;
        master_name: string;
    };
    start(): Promise<void>;
    /** The master's port, as the Sentinel reports it now. */
    masterPort(): Promise<number>;
    /** ROLE's first field on the server at `port`: "master" or "slave". */
    role(port: number): Promise<string>;
    /**
     * SENTINEL FAILOVER: the replica becomes the master, and the old master its replica (the
     * Sentinel closes the old master's client connections as it demotes it, up to 10 s later).
     * Resolves with both ports once the Sentinel names the new master and that server says it is master.
     */
    failover(): Promise<{
        from: number;
        to: number;
    }>;
    /** SIGKILL to the master's PID; resolves once the Sentinel has promoted the replica. */
    killMaster(): Promise<{
        from: number;
        to: number;
    }>;
    /** A plain client on the server at `port` (or the Sentinel's); disconnected on dispose. */
    client(port: number): Redis;
    [Symbol.asyncDispose](): Promise<void>;
    private sentinelClientCache;
    private sentinelClient;
    private promoted;
    private healthyReplica;
    private startServer;
}
/** A Sentinel set for the enclosing describe block: started in beforeAll, stopped in afterAll. */
export declare function useRedisSentinel(options?: SentinelSetOptions): RedisSentinelSet;

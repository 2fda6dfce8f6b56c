/**
 * Runs `refresh` every `intervalMs` on an unref'd timer (it never keeps a process alive), started
 * with the first membership and stopped with the layer. Errors go to `onError`: a refresh that
 * fails (Redis down) is retried by the next tick and by the reconnect restore.
 */
export declare class MembershipRefresher {
    private readonly intervalMs;
    private readonly refresh;
    private readonly onError;
    private timer;
    private running;
    constructor(intervalMs: number, refresh: () => Promise<void>, onError: (error: unknown) => void);
    start(): void;
    stop(): void;
    private tick;
}

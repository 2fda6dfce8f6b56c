/**
 * The processes a bench run starts (servers, redis-server, the load generator), each stopped by
 * its PID: SIGTERM, then SIGKILL if it has not exited in time. `stopAll` also runs on SIGINT,
 * SIGTERM and on error, so a run never leaves a listener behind.
 */
import { type ChildProcess } from "node:child_process";
/** The PIDs of every process this run started that has not exited (should be none at the end). */
export declare function stillRunning(): number[];
export interface Started {
    child: ChildProcess;
    pid: number;
    /** The first capture group of `ready` (the port, for a server). */
    ready: string;
}
export interface StartSpec {
    name: string;
    command: string;
    args: string[];
    cwd: string;
    env?: NodeJS.ProcessEnv;
    /** Matched against stdout and stderr; its first group is returned. */
    ready: RegExp;
    timeoutMs?: number;
}
/** Spawns `spec` and resolves once its output matches `ready`; rejects (and stops it) otherwise. */
export declare function startProcess(spec: StartSpec): Promise<Started>;
/** SIGTERM by PID, SIGKILL after `graceMs`; resolves once the process has exited. */
export declare function stopProcess(child: ChildProcess, graceMs?: number): Promise<void>;
export declare function stopAll(): Promise<void>;
/** Runs a command to completion within `timeoutMs` (stopped by PID when over); resolves with its stdout. */
export declare function runToEnd(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string>;
/** A port free on 127.0.0.1 now (for redis-server, which cannot take port 0). */
export declare function freePort(): Promise<number>;
/** Stops every process on SIGINT/SIGTERM, then exits with 130/143. */
export declare function stopAllOnSignals(): void;

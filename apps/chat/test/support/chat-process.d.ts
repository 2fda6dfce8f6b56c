import type { TestProcess, TestProcesses } from "@channels-ts/test-fixtures";
/** The repository root: `npm start` and tsx's tsconfig paths resolve from there. */
export declare const REPO_ROOT: string;
export type RedisLayerKind = "redis" | "redis-pubsub";
export interface RunningServer {
    readonly service: TestProcess;
    readonly port: number;
}
/** The chat's `chat: open http://127.0.0.1:PORT/?num=1` line. */
export declare const CHAT_OPEN: RegExp;
/** `tsx apps/chat/src/main.ts` as `npm start` runs it, on 127.0.0.1 and a free port, with `env` added. */
export declare function spawnChat(processes: TestProcesses, name: string, env: Record<string, string>): TestProcess;
/** The chat with the given Redis layer; resolves once it says where it listens. */
export declare function startChat(processes: TestProcesses, layer: RedisLayerKind, redisUrl: string, name?: string): Promise<RunningServer>;

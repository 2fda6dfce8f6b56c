import { join } from "node:path";
import type { TestProcess, TestProcesses } from "@channels-ts/test-fixtures";

/** The repository root: `npm start` and tsx's tsconfig paths resolve from there. */
export const REPO_ROOT = join(__dirname, "..", "..", "..", "..");

export type RedisLayerKind = "redis" | "redis-pubsub";

export interface RunningServer {
  readonly service: TestProcess;
  readonly port: number;
}

/** The chat's `chat: open http://127.0.0.1:PORT/?num=1` line. */
export const CHAT_OPEN = /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1/m;

/** `tsx apps/chat/src/main.ts` as `npm start` runs it, on 127.0.0.1 and a free port, with `env` added. */
export function spawnChat(processes: TestProcesses, name: string, env: Record<string, string>): TestProcess {
  return processes.start(join(REPO_ROOT, "node_modules", ".bin", "tsx"), ["apps/chat/src/main.ts"], {
    name,
    cwd: REPO_ROOT,
    env: { HOST: "127.0.0.1", PORT: "0", ...env },
    detached: true, // tsx runs the app in a grandchild process
  });
}

/** The chat with the given Redis layer; resolves once it says where it listens. */
export async function startChat(
  processes: TestProcesses,
  layer: RedisLayerKind,
  redisUrl: string,
  name = "chat",
): Promise<RunningServer> {
  const service = spawnChat(processes, `${name} (CHANNEL_LAYER=${layer})`, {
    CHANNEL_LAYER: layer,
    REDIS_URL: redisUrl,
  });
  const [, port] = await service.waitFor(CHAT_OPEN);
  return { service, port: Number(port) };
}

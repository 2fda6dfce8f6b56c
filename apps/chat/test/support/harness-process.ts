import { join } from "node:path";
import { fetchText, type TestProcess, type TestProcesses } from "@channels-ts/test-fixtures";
import type { HarnessStats } from "./chat-harness";
import { REPO_ROOT } from "./chat-process";

export type HarnessLayer = "memory" | "redis" | "redis-pubsub";

export interface HarnessSettings {
  layer: HarnessLayer;
  redisUrl?: string;
  /** Given to the layer's constructor (e.g. a short groupExpiry), over the chat's defaults. */
  layerOptions?: Record<string, unknown>;
  /** Given to serve() (e.g. maxBufferedBytes). */
  serverOptions?: Record<string, unknown>;
  name?: string;
}

export interface RunningHarness {
  readonly service: TestProcess;
  readonly port: number;
  readonly pid: number;
  /** The process's heap (after a full GC), RSS and what its layer holds. */
  stats(): Promise<HarnessStats>;
}

/**
 * The chat's application in its own node process (`node --expose-gc --import tsx`, no tsx
 * parent in between: the PID is the server's, so SIGKILL and /proc reach it), with the layer
 * and server options a test chooses; see chat-harness.ts.
 */
export async function startHarness(processes: TestProcesses, settings: HarnessSettings): Promise<RunningHarness> {
  const service = processes.start(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(REPO_ROOT, "apps", "chat", "test", "support", "chat-harness.ts")],
    {
      name: settings.name ?? `chat harness (${settings.layer})`,
      cwd: REPO_ROOT,
      env: {
        HARNESS_LAYER: settings.layer,
        REDIS_URL: settings.redisUrl,
        HARNESS_LAYER_OPTIONS: JSON.stringify(settings.layerOptions ?? {}),
        HARNESS_SERVER_OPTIONS: JSON.stringify(settings.serverOptions ?? {}),
      },
    },
  );
  const [, port] = await service.waitFor(/^harness: listening on 127\.0\.0\.1:(\d+)/m, 30_000);
  const url = `http://127.0.0.1:${port}/__stats`;
  return {
    service,
    port: Number(port),
    pid: service.pid,
    stats: async () => JSON.parse((await fetchText(url)).body) as HarnessStats,
  };
}

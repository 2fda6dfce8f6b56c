import { join } from "node:path";
import { ServiceProcess } from "./service-process";

/** The repository root: `npm start` and tsx's tsconfig paths resolve from there. */
export const REPO_ROOT = join(__dirname, "..", "..", "..", "..");

export type RedisLayerKind = "redis" | "redis-pubsub";

export interface RunningServer {
  readonly service: ServiceProcess;
  readonly port: number;
}

/**
 * `tsx apps/chat/src/main.ts` on 127.0.0.1 and a free port, as `npm start` runs it, with the given
 * layer; resolves once it prints `chat: open http://127.0.0.1:PORT/?num=1`.
 */
export async function startChat(layer: RedisLayerKind, redisUrl: string, name = "chat"): Promise<RunningServer> {
  const { service, ready } = await ServiceProcess.start({
    name: `${name} (CHANNEL_LAYER=${layer})`,
    command: join(REPO_ROOT, "node_modules", ".bin", "tsx"),
    args: ["apps/chat/src/main.ts"],
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", CHANNEL_LAYER: layer, REDIS_URL: redisUrl },
    ready: /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1/m,
  });
  return { service, port: Number(ready) };
}

import { join } from "node:path";
import type { TestProcesses } from "@channels-ts/test-fixtures";
import type { RedisLayerKind, RunningServer } from "./chat-process";
import { DJANGO_PYTHON } from "./django-python";

/** The folder holding the `django_tutorial` package (PYTHONPATH and cwd for daphne). */
export const DJANGO_PROJECT_ROOT = join(__dirname, "..");

/** The environment the tutorial project reads: its settings pick the layer from CHANNEL_LAYER and REDIS_URL. */
export function djangoEnv(layer: RedisLayerKind, redisUrl: string): Record<string, string> {
  return {
    PYTHONPATH: DJANGO_PROJECT_ROOT,
    DJANGO_SETTINGS_MODULE: "django_tutorial.settings",
    CHANNEL_LAYER: layer,
    REDIS_URL: redisUrl,
    PYTHONUNBUFFERED: "1",
  };
}

/**
 * `python3 -m daphne -b 127.0.0.1 -p 0 django_tutorial.asgi:application`; resolves once daphne logs
 * the port it listens on (port 0: the system picks a free one, so no port race).
 */
export async function startDaphne(
  processes: TestProcesses,
  layer: RedisLayerKind,
  redisUrl: string,
): Promise<RunningServer> {
  if (DJANGO_PYTHON === undefined)
    throw new Error("startDaphne needs DJANGO_PYTHON; skip the suite when it is undefined");
  const service = processes.start(
    DJANGO_PYTHON,
    ["-m", "daphne", "-b", "127.0.0.1", "-p", "0", "django_tutorial.asgi:application"],
    {
      name: `daphne (CHANNEL_LAYER=${layer})`,
      cwd: DJANGO_PROJECT_ROOT,
      env: djangoEnv(layer, redisUrl),
      detached: true,
    },
  );
  const [, port] = await service.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  return { service, port: Number(port) };
}

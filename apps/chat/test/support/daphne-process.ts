import { join } from "node:path";
import type { RedisLayerKind, RunningServer } from "./chat-process";
import { DJANGO_PYTHON } from "./django-python";
import { ServiceProcess } from "./service-process";

/** The folder holding the `django_tutorial` package (PYTHONPATH and cwd for daphne). */
export const DJANGO_PROJECT_ROOT = join(__dirname, "..");

/** The environment the tutorial project reads: its settings pick the layer from CHANNEL_LAYER and REDIS_URL. */
export function djangoEnv(layer: RedisLayerKind, redisUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
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
export async function startDaphne(layer: RedisLayerKind, redisUrl: string): Promise<RunningServer> {
  if (DJANGO_PYTHON === undefined)
    throw new Error("startDaphne needs DJANGO_PYTHON; skip the suite when it is undefined");
  const { service, ready } = await ServiceProcess.start({
    name: `daphne (CHANNEL_LAYER=${layer})`,
    command: DJANGO_PYTHON,
    args: ["-m", "daphne", "-b", "127.0.0.1", "-p", "0", "django_tutorial.asgi:application"],
    cwd: DJANGO_PROJECT_ROOT,
    env: djangoEnv(layer, redisUrl),
    ready: /Listening on TCP address 127\.0\.0\.1:(\d+)/,
  });
  return { service, port: Number(ready) };
}

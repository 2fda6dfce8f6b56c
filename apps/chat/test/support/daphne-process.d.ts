import type { TestProcesses } from "@channels-ts/test-fixtures";
import type { RedisLayerKind, RunningServer } from "./chat-process";
/** The folder holding the `django_tutorial` package (PYTHONPATH and cwd for daphne). */
export declare const DJANGO_PROJECT_ROOT: string;
/** The environment the tutorial project reads: its settings pick the layer from CHANNEL_LAYER and REDIS_URL. */
export declare function djangoEnv(layer: RedisLayerKind, redisUrl: string): Record<string, string>;
/**
 * `python3 -m daphne -b 127.0.0.1 -p 0 django_tutorial.asgi:application`; resolves once daphne logs
 * the port it listens on (port 0: the system picks a free one, so no port race).
 */
export declare function startDaphne(processes: TestProcesses, layer: RedisLayerKind, redisUrl: string): Promise<RunningServer>;

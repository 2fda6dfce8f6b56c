"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DJANGO_PROJECT_ROOT = void 0;
exports.djangoEnv = djangoEnv;
exports.startDaphne = startDaphne;
const node_path_1 = require("node:path");
const django_python_1 = require("./django-python");
/** The folder holding the `django_tutorial` package (PYTHONPATH and cwd for daphne). */
exports.DJANGO_PROJECT_ROOT = (0, node_path_1.join)(__dirname, "..");
/** The environment the tutorial project reads: its settings pick the layer from CHANNEL_LAYER and REDIS_URL. */
function djangoEnv(layer, redisUrl) {
    return {
        PYTHONPATH: exports.DJANGO_PROJECT_ROOT,
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
async function startDaphne(processes, layer, redisUrl) {
    if (django_python_1.DJANGO_PYTHON === undefined)
        throw new Error("startDaphne needs DJANGO_PYTHON; skip the suite when it is undefined");
    const service = processes.start(django_python_1.DJANGO_PYTHON, ["-m", "daphne", "-b", "127.0.0.1", "-p", "0", "django_tutorial.asgi:application"], {
        name: `daphne (CHANNEL_LAYER=${layer})`,
        cwd: exports.DJANGO_PROJECT_ROOT,
        env: djangoEnv(layer, redisUrl),
        detached: true,
    });
    const [, port] = await service.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    return { service, port: Number(port) };
}
//# sourceMappingURL=daphne-process.js.map
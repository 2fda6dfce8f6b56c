"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DJANGO_PYTHON_MISSING = exports.DJANGO_PYTHON = void 0;
const node_child_process_1 = require("node:child_process");
/** What the tutorial's Django project needs to be served next to the chat. */
const MODULES = "daphne, channels, channels_redis, django";
/**
 * A Python that can import daphne, channels, channels_redis and django, or undefined. Tried in the
 * order the Redis interop tests use: $PYTHON, `python3` on PATH (often a pyenv shim without
 * Debian's packages), then Debian's `/usr/bin/python3`.
 */
exports.DJANGO_PYTHON = [process.env.PYTHON, "python3", "/usr/bin/python3"].find((candidate) => candidate !== undefined && (0, node_child_process_1.spawnSync)(candidate, ["-c", `import ${MODULES}`], { stdio: "ignore" }).status === 0);
exports.DJANGO_PYTHON_MISSING = `no python3 can import ${MODULES} (Debian: apt-get install daphne python3-django-channels python3-channels-redis)`;
//# sourceMappingURL=django-python.js.map
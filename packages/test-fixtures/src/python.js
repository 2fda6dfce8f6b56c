"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PYTHON = void 0;
const node_child_process_1 = require("node:child_process");
/** A Python interpreter that can import channels_redis (PYTHON, python3, then Debian's), or undefined. */
exports.PYTHON = [process.env.PYTHON, "python3", "/usr/bin/python3"].find((candidate) => candidate !== undefined &&
    (0, node_child_process_1.spawnSync)(candidate, ["-c", "import channels_redis, channels"], { stdio: "ignore" }).status === 0);
//# sourceMappingURL=python.js.map
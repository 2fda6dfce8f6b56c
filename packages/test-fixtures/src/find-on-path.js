"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findOnPath = findOnPath;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** Absolute path of the executable `command` on PATH, or undefined. */
function findOnPath(command) {
    for (const dir of (process.env.PATH ?? "").split(node_path_1.delimiter)) {
        const candidate = (0, node_path_1.join)(dir, command);
        try {
            (0, node_fs_1.accessSync)(candidate, node_fs_1.constants.X_OK);
            return candidate;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
}
//# sourceMappingURL=find-on-path.js.map
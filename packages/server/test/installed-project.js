"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.installedProject = installedProject;
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const typescript_1 = __importDefault(require("typescript"));
const repo = (0, node_path_1.join)(__dirname, "..", "..", "..");
function transpileTree(srcDir, outDir) {
    for (const entry of (0, node_fs_1.readdirSync)(srcDir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts"))
            continue;
        const file = (0, node_path_1.join)(entry.parentPath, entry.name);
        const { outputText } = typescript_1.default.transpileModule((0, node_fs_1.readFileSync)(file, "utf8"), {
            compilerOptions: { module: typescript_1.default.ModuleKind.CommonJS, target: typescript_1.default.ScriptTarget.ES2022, esModuleInterop: true },
            fileName: file,
        });
        const out = (0, node_path_1.join)(outDir, (0, node_path_1.relative)(srcDir, file)).replace(/\.ts$/, ".js");
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(out), { recursive: true });
        (0, node_fs_1.writeFileSync)(out, outputText);
    }
}
function installPackage(project, name) {
    const from = (0, node_path_1.join)(repo, "packages", name);
    const to = (0, node_path_1.join)(project, "node_modules", "@channels-ts", name);
    transpileTree((0, node_path_1.join)(from, "src"), (0, node_path_1.join)(to, "dist"));
    (0, node_fs_1.cpSync)((0, node_path_1.join)(from, "package.json"), (0, node_path_1.join)(to, "package.json"));
    if (name === "server")
        (0, node_fs_1.cpSync)((0, node_path_1.join)(from, "bin"), (0, node_path_1.join)(to, "bin"), { recursive: true });
}
/**
 * A project as a user has it after `npm install @channels-ts/server` without tsx: the packages
 * compiled to dist/ (transpiled here, no type check: the typecheck runs elsewhere), their runtime
 * dependencies linked from the monorepo. `remove()` deletes it.
 */
function installedProject() {
    const dir = (0, node_fs_1.realpathSync)((0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "channels-ts-project-")));
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, "package.json"), JSON.stringify({ name: "user-project", private: true }));
    installPackage(dir, "core");
    installPackage(dir, "server");
    for (const dependency of ["ws", "eventemitter3"]) {
        (0, node_fs_1.symlinkSync)((0, node_fs_1.realpathSync)((0, node_path_1.join)(repo, "node_modules", dependency)), (0, node_path_1.join)(dir, "node_modules", dependency), "dir");
    }
    return {
        dir,
        bin: (0, node_path_1.join)(dir, "node_modules", "@channels-ts", "server", "bin", "channels-ts.js"),
        remove: () => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }),
    };
}
//# sourceMappingURL=installed-project.js.map
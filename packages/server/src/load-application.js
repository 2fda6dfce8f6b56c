"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseTarget = parseTarget;
exports.loadModule = loadModule;
exports.loadApplication = loadApplication;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const errors_1 = require("./errors");
const TS_FILE = /\.[cm]?tsx?$/;
/** `path/to/app.ts:application` -> module and export; the export part is optional. */
function parseTarget(target) {
    const colon = target.lastIndexOf(":");
    // A colon followed by an identifier names an export; anything else (C:\...) is part of the path.
    if (colon > 1 && /^[A-Za-z_$][\w$]*$/.test(target.slice(colon + 1))) {
        return { module: target.slice(0, colon), exportName: target.slice(colon + 1) };
    }
    return { module: target, exportName: undefined };
}
/** Lets `require` load TypeScript through tsx, unless something (tsx itself, ts-node) already does. */
function registerTypeScript(file, cwd) {
    if (require.extensions[".ts"] !== undefined)
        return;
    let api;
    try {
        // The application's project is where tsx belongs; this package's own location is a fallback.
        api = require.resolve("tsx/cjs/api", { paths: [cwd, (0, node_path_1.dirname)(file), __dirname] });
    }
    catch (err) {
        throw new errors_1.TypeScriptLoaderMissing(file, err);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx is optional: loaded only for .ts files
    const tsx = require(api);
    tsx.register();
}
/**
 * Loads a module (compiled .js, or .ts through tsx) and returns its application: the named
 * export, else `application`, else `default`, else the module itself if it is a function.
 */
function loadModule(target, cwd = process.cwd()) {
    const { module: spec, exportName } = parseTarget(target);
    const local = (0, node_path_1.resolve)(cwd, spec);
    let file;
    try {
        file = require.resolve((0, node_fs_1.existsSync)(local) || spec.startsWith(".") ? local : spec, { paths: [cwd] });
    }
    catch (err) {
        throw new errors_1.ApplicationLoadError(`Cannot find module ${JSON.stringify(spec)} (looked in ${cwd}).`, err);
    }
    if (TS_FILE.test(file))
        registerTypeScript(file, cwd);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named at run time
    const loaded = require(file);
    const mod = (typeof loaded === "object" && loaded !== null) || typeof loaded === "function"
        ? loaded
        : {};
    return { module: mod, exportName, file };
}
function loadApplication(target, cwd = process.cwd()) {
    const { module: mod, exportName, file } = loadModule(target, cwd);
    const candidates = exportName !== undefined ? [exportName] : ["application", "default"];
    for (const name of candidates) {
        const value = mod[name];
        if (typeof value === "function")
            return value;
        if (value !== undefined && exportName !== undefined) {
            throw new errors_1.ApplicationLoadError(`Export ${JSON.stringify(name)} of ${file} is a ${typeof value}, not an application function.`);
        }
    }
    if (exportName === undefined && typeof mod === "function")
        return mod;
    const exported = Object.keys(mod).join(", ") || "nothing";
    throw new errors_1.ApplicationLoadError(`${file} has no ${candidates.map((c) => JSON.stringify(c)).join(" or ")} export that is an application ` +
        `(it exports: ${exported}); name one with ${target.split(":")[0]}:<export>.`);
}
//# sourceMappingURL=load-application.js.map
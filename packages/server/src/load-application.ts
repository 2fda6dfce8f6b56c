import { existsSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import type { Application } from "@channels-ts/core";
import { ApplicationLoadError, TypeScriptLoaderMissing } from "./errors";

const TS_FILE = /\.[cm]?tsx?$/;

/** `path/to/app.ts:application` -> module and export; the export part is optional. */
export function parseTarget(target: string): { module: string; exportName: string | undefined } {
  const colon = target.lastIndexOf(":");
  // A colon followed by an identifier names an export; anything else (C:\...) is part of the path.
  if (colon > 1 && /^[A-Za-z_$][\w$]*$/.test(target.slice(colon + 1))) {
    return { module: target.slice(0, colon), exportName: target.slice(colon + 1) };
  }
  return { module: target, exportName: undefined };
}

/** Lets `require` load TypeScript through tsx, unless something (tsx itself, ts-node) already does. */
function registerTypeScript(file: string, cwd: string): void {
  if (require.extensions[".ts"] !== undefined) return;
  let api: string;
  try {
    // The application's project is where tsx belongs; this package's own location is a fallback.
    api = require.resolve("tsx/cjs/api", { paths: [cwd, dirname(file), __dirname] });
  } catch (err) {
    throw new TypeScriptLoaderMissing(file, err);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx is optional: loaded only for .ts files
  const tsx = require(api) as { register: () => () => void };
  tsx.register();
}

/**
 * Loads a module (compiled .js, or .ts through tsx) and returns its application: the named
 * export, else `application`, else `default`, else the module itself if it is a function.
 */
export function loadModule(
  target: string,
  cwd = process.cwd(),
): { module: Record<string, unknown>; exportName: string | undefined; file: string } {
  const { module: spec, exportName } = parseTarget(target);
  const local = resolvePath(cwd, spec);
  let file: string;
  try {
    file = require.resolve(existsSync(local) || spec.startsWith(".") ? local : spec, { paths: [cwd] });
  } catch (err) {
    throw new ApplicationLoadError(`Cannot find module ${JSON.stringify(spec)} (looked in ${cwd}).`, err);
  }
  if (TS_FILE.test(file)) registerTypeScript(file, cwd);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named at run time
  const loaded = require(file) as unknown;
  const mod =
    (typeof loaded === "object" && loaded !== null) || typeof loaded === "function"
      ? (loaded as Record<string, unknown>)
      : {};
  return { module: mod, exportName, file };
}

export function loadApplication(target: string, cwd = process.cwd()): Application {
  const { module: mod, exportName, file } = loadModule(target, cwd);
  const candidates = exportName !== undefined ? [exportName] : ["application", "default"];
  for (const name of candidates) {
    const value = mod[name];
    if (typeof value === "function") return value as Application;
    if (value !== undefined && exportName !== undefined) {
      throw new ApplicationLoadError(
        `Export ${JSON.stringify(name)} of ${file} is a ${typeof value}, not an application function.`,
      );
    }
  }
  if (exportName === undefined && typeof mod === "function") return mod as unknown as Application;
  const exported = Object.keys(mod).join(", ") || "nothing";
  throw new ApplicationLoadError(
    `${file} has no ${candidates.map((c) => JSON.stringify(c)).join(" or ")} export that is an application ` +
      `(it exports: ${exported}); name one with ${target.split(":")[0]}:<export>.`,
  );
}

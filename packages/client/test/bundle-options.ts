import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildOptions } from "esbuild";

const ROOT = join(__dirname, "..");

/** bundle-options.json, as scripts/bundle.mjs uses it: the tests bundle exactly what ships. */
export function clientBundleOptions(): BuildOptions {
  const options = JSON.parse(readFileSync(join(ROOT, "bundle-options.json"), "utf8")) as BuildOptions;
  return { ...options, absWorkingDir: ROOT };
}

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const repo = join(__dirname, "..", "..", "..");

function transpileTree(srcDir: string, outDir: string): void {
  for (const entry of readdirSync(srcDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
    const file = join(entry.parentPath, entry.name);
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    const out = join(outDir, relative(srcDir, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
}

function installPackage(project: string, name: "core" | "server"): void {
  const from = join(repo, "packages", name);
  const to = join(project, "node_modules", "@channels-ts", name);
  transpileTree(join(from, "src"), join(to, "dist"));
  cpSync(join(from, "package.json"), join(to, "package.json"));
  if (name === "server") cpSync(join(from, "bin"), join(to, "bin"), { recursive: true });
}

export interface InstalledProject {
  /** The project folder, in the OS temp dir: outside the monorepo, so nothing of it (tsx) resolves. */
  readonly dir: string;
  /** The `channels-ts` command as npm installs it, run with `node`. */
  readonly bin: string;
  remove(): void;
}

/**
 * A project as a user has it after `npm install @channels-ts/server` without tsx: the packages
 * compiled to dist/ (transpiled here, no type check: the typecheck runs elsewhere), their runtime
 * dependencies linked from the monorepo. `remove()` deletes it.
 */
export function installedProject(): InstalledProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "channels-ts-project-")));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user-project", private: true }));
  installPackage(dir, "core");
  installPackage(dir, "server");
  for (const dependency of ["ws", "eventemitter3", "prom-client"]) {
    symlinkSync(realpathSync(join(repo, "node_modules", dependency)), join(dir, "node_modules", dependency), "dir");
  }
  return {
    dir,
    bin: join(dir, "node_modules", "@channels-ts", "server", "bin", "channels-ts.js"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

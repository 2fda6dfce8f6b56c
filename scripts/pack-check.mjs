#!/usr/bin/env node
// The user's way in, checked from the outside: packs every published package with `npm pack`
// (whose `prepack` builds dist/ from a clean slate), checks each tarball holds exactly what it
// should, installs the tarballs into a new project outside the monorepo together with TypeScript
// ~6.0 from the registry, typechecks examples/quickstart/app.ts there under the strict tsconfig a
// newcomer writes (nodenext, no `types`, no skipLibCheck; also with TypeScript 5.9 and 7.0), runs
// it, and talks to it: `GET /` gives the page and two WebSocket clients in one room get each
// other's messages.
// Usage: node scripts/pack-check.mjs [--keep] (--keep leaves the temporary folder for a look).
// Exits 0 when every step passed; prints each step to stderr.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGES = ["core", "server", "redis", "client"];
/** The browser bundle the client ships beside its tsc output (esbuild, scripts/bundle.mjs). */
const CLIENT_BUNDLE = "dist/channels-client.min.js";
const TYPESCRIPT = "typescript@~6.0";
const TYPESCRIPT_NEXT = "typescript@~7.0";
const STEP_TIMEOUT_MS = 240_000;
const keep = process.argv.includes("--keep");

const started = Date.now();
const say = (line) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
const work = mkdtempSync(join(tmpdir(), "channels-ts-pack-"));
let app; // the running quickstart, stopped by its PID on the way out
const cleanUp = () => {
  if (app !== undefined && app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  if (!keep) rmSync(work, { recursive: true, force: true });
};
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));

/** Runs a step, its output on stderr; with `capture`, returns its stdout instead. */
function run(command, args, cwd, { capture = false } = {}) {
  say(`$ (cd ${cwd}) ${command} ${args.join(" ")}`);
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", capture ? "pipe" : 2, 2],
    timeout: STEP_TIMEOUT_MS,
  });
}

const problems = [];
const expect = (ok, problem) => {
  if (!ok) problems.push(problem);
};

/** What `npm pack` put in one tarball, and where it was extracted. */
function pack(name) {
  const dir = join(ROOT, "packages", name);
  // prepack removes dist/ and builds it again, so the tarball is whatever a fresh clone would pack.
  const out = run("npm", ["pack", "--json", "--pack-destination", join(work, "tarballs")], dir, { capture: true });
  const [info] = JSON.parse(out.slice(out.indexOf("[")));
  const extracted = join(work, "extracted", name);
  mkdirSync(extracted, { recursive: true });
  run("tar", ["-xzf", join(work, "tarballs", info.filename), "-C", extracted, "--strip-components=1"], ROOT);
  return { name, tarball: join(work, "tarballs", info.filename), files: info.files.map((f) => f.path), extracted };
}

/** The files rule: package metadata and docs, dist/ (JS, .d.ts, their maps), the src/ they map to, bin/. */
function checkContents({ name, files, extracted }) {
  const has = new Set(files);
  const label = `@channels-ts/${name}`;
  const required = ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "dist/index.js", "dist/index.d.ts"];
  if (name === "server") required.push("bin/channels-ts.js", "dist/cli.js");
  if (name === "client") required.push(CLIENT_BUNDLE);
  for (const file of required) expect(has.has(file), `${label}: ${file} is missing from the tarball`);
  const top = new Set(["package.json", "README.md", "CHANGELOG.md", "LICENSE"]);
  for (const file of files) {
    const allowed = top.has(file) || /^(dist|src)\//.test(file) || (name === "server" && /^bin\//.test(file));
    expect(allowed, `${label}: ${file} should not be in the tarball`);
    expect(
      !/(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.|tsbuildinfo|tsconfig/.test(file),
      `${label}: ${file} is a test or build file`,
    );
  }
  // dist/ is exactly the build of src/: each module has its JS, declarations and maps, nothing stale.
  const modules = files.filter((f) => /^src\/.*\.ts$/.test(f) && !f.endsWith(".d.ts")).map((f) => f.slice(4, -3));
  const outputs = new Set(
    modules.flatMap((m) => [".js", ".js.map", ".d.ts", ".d.ts.map"].map((ext) => `dist/${m}${ext}`)),
  );
  for (const out of outputs) expect(has.has(out), `${label}: ${out} is missing (src/ has its source)`);
  if (name === "client") outputs.add(CLIENT_BUNDLE);
  for (const file of files.filter((f) => f.startsWith("dist/"))) {
    expect(outputs.has(file), `${label}: ${file} has no source in src/ (a stale build?)`);
  }
  // Source maps point at the shipped src/, so stack traces and go-to-definition land on real files.
  for (const map of files.filter((f) => f.endsWith(".map"))) {
    const { sources } = JSON.parse(readFileSync(join(extracted, map), "utf8"));
    for (const source of sources) {
      const target = posix.normalize(posix.join(posix.dirname(map), source));
      expect(has.has(target), `${label}: ${map} points at ${target}, which is not in the tarball`);
    }
  }
  const license = readFileSync(join(extracted, "LICENSE"), "utf8");
  expect(license === readFileSync(join(ROOT, "LICENSE"), "utf8"), `${label}: LICENSE differs from the root LICENSE`);
  const manifest = JSON.parse(readFileSync(join(extracted, "package.json"), "utf8"));
  expect(manifest.license === "BSD-3-Clause", `${label}: license is ${manifest.license}`);
  expect(typeof manifest.engines?.node === "string", `${label}: no engines.node`);
  expect(typeof manifest.peerDependencies?.typescript === "string", `${label}: no peerDependencies.typescript`);
  // The client runs in browsers and declares its own socket types: it must not pull Node's in.
  if (name === "client") expect(manifest.dependencies === undefined, `${label}: has dependencies`);
  else expect(typeof manifest.dependencies?.["@types/node"] === "string", `${label}: no @types/node dependency`);
  say(`${label}: ${files.length} files`);
}

/** A project as a newcomer starts one: ESM, strict, nodenext, and nothing else configured. */
function createProject(tarballs) {
  const dir = join(work, "project");
  mkdirSync(dir);
  const manifest = { name: "quickstart", version: "1.0.0", private: true, type: "module" };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const compilerOptions = { target: "es2022", module: "nodenext", strict: true, outDir: "dist" };
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions }, null, 2)}\n`);
  cpSync(join(ROOT, "examples", "quickstart", "app.ts"), join(dir, "app.ts"));
  // One file per package, each compiled alone below: a package's declarations must stand on their
  // own, not on Node types that another package (ioredis, @types/ws) happens to pull in.
  mkdirSync(join(dir, "checks"));
  for (const name of PACKAGES)
    writeFileSync(join(dir, "checks", `${name}.ts`), `export * from "@channels-ts/${name}";\n`);
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...tarballs, TYPESCRIPT], dir);
  return dir;
}

/** The version of TypeScript installed under `dir`, and its tsc. */
function typescriptIn(dir) {
  const { version } = JSON.parse(readFileSync(join(dir, "node_modules", "typescript", "package.json"), "utf8"));
  return { version, tsc: join(dir, "node_modules", "typescript", "bin", "tsc") };
}

/**
 * The project with TypeScript ~6.0 (emitting what runs next), then with the other ends of the
 * supported range: the monorepo's 5.9 and the TypeScript 7 that `npm install typescript` picks
 * today. TypeScript 7 (native, fast) also compiles each package's declarations alone.
 */
function typecheck(dir) {
  const ts6 = typescriptIn(dir);
  say(`TypeScript ${ts6.version}`);
  run(process.execPath, [ts6.tsc, "-p", "tsconfig.json"], dir);
  const ts7dir = join(work, "typescript-7");
  mkdirSync(ts7dir);
  writeFileSync(join(ts7dir, "package.json"), '{ "private": true }\n');
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", TYPESCRIPT_NEXT], ts7dir);
  const ts7 = typescriptIn(ts7dir);
  for (const other of [typescriptIn(ROOT), ts7]) {
    say(`TypeScript ${other.version}`);
    run(process.execPath, [other.tsc, "-p", "tsconfig.json", "--noEmit"], dir);
  }
  const alone = ["--ignoreConfig", "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext"];
  for (const name of PACKAGES) run(process.execPath, [ts7.tsc, ...alone, `checks/${name}.ts`], dir);
}

/** Starts the compiled quickstart on a free port and resolves with the URL it prints. */
async function start(dir) {
  say(`$ (cd ${dir}) PORT=0 node dist/app.js`);
  app = spawn(process.execPath, ["dist/app.js"], {
    cwd: dir,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stderr.on("data", (chunk) => process.stderr.write(chunk));
  app.stdout.on("data", (chunk) => process.stderr.write(chunk));
  const exited = once(app, "exit").then(([code]) => {
    throw new Error(`the quickstart exited (${code}) before listening`);
  });
  const listening = new Promise((resolve) => {
    app.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /quickstart: open (http:\/\/\S+)\/ /.exec(output);
      if (match) resolve(match[1]);
    });
  });
  return withTimeout(Promise.race([listening, exited]), 20_000, "the quickstart did not say where it listens");
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `GET /` and a chat between two clients, with the `ws` the server package installed. */
async function talkTo(url, dir) {
  const page = await fetch(`${url}/`);
  const body = await page.text();
  say(`GET / -> ${page.status} ${page.headers.get("content-type")} (${body.length} bytes)`);
  expect(page.status === 200, `GET / answered ${page.status}: ${body.slice(0, 200)}`);
  expect(body.includes("new WebSocket("), "GET / is not the chat page");

  const { default: WebSocket } = await import(createRequire(join(dir, "package.json")).resolve("ws"));
  const connect = async () => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/chat/lobby/`);
    await once(ws, "open");
    return ws;
  };
  const [alice, bob] = await Promise.all([connect(), connect()]);
  const heard = Promise.all([alice, bob].map((ws) => once(ws, "message").then(([data]) => String(data))));
  alice.send("hello from the tarballs");
  const [aliceGot, bobGot] = await withTimeout(heard, 5_000, "no chat message came back");
  say(`WebSocket /chat/lobby/: alice got ${JSON.stringify(aliceGot)}, bob got ${JSON.stringify(bobGot)}`);
  expect(aliceGot === "hello from the tarballs" && bobGot === aliceGot, "the room did not get the message");
  await Promise.all([alice, bob].map((ws) => (ws.close(), once(ws, "close"))));
}

async function main() {
  say(`pack-check in ${work}`);
  mkdirSync(join(work, "tarballs"));
  const packed = PACKAGES.map(pack);
  packed.forEach(checkContents);
  const dir = createProject(packed.map((p) => p.tarball));
  typecheck(dir);
  const url = await start(dir);
  await talkTo(url, dir);
  app.kill("SIGTERM");
  await once(app, "exit");
  if (problems.length > 0) throw new Error(problems.join("\n"));
  say("pack-check: every package packs, installs, typechecks and runs");
}

main().then(
  () => process.exit(0),
  (error) => {
    say(`pack-check FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

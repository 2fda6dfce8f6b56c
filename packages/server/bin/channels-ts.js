#!/usr/bin/env node
"use strict";
// The `channels-ts` command. Installed from the registry it loads the compiled CLI. Inside the
// monorepo it always runs the TypeScript sources through tsx, so that a stale dist/ from an
// earlier build never runs beside the sources (two copies of core: two layer registries).
const fs = require("node:fs");
const path = require("node:path");

const rootTsconfig = path.join(__dirname, "..", "..", "..", "tsconfig.json");
const inMonorepo =
  !__dirname.split(path.sep).includes("node_modules") &&
  fs.existsSync(rootTsconfig) &&
  fs.existsSync(path.join(__dirname, "..", "src", "cli.ts"));
let cli;
if (inMonorepo) {
  // @channels-ts/* resolve to their sources through the workspace tsconfig's `paths`.
  if (!process.env.TSX_TSCONFIG_PATH) process.env.TSX_TSCONFIG_PATH = rootTsconfig;
  require("tsx/cjs");
  cli = require("../src/cli.ts");
} else {
  cli = require(path.join(__dirname, "..", "dist", "cli.js"));
}
cli.run(process.argv.slice(2));

#!/usr/bin/env node
"use strict";
// The `channels-ts` command: loads the compiled CLI, or the TypeScript source through tsx when
// running inside the monorepo without a build.
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist", "cli.js");
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  const rootTsconfig = path.join(__dirname, "..", "..", "..", "tsconfig.json");
  // @channels-ts/* resolve to their sources through the workspace tsconfig's `paths`.
  if (!process.env.TSX_TSCONFIG_PATH && fs.existsSync(rootTsconfig)) process.env.TSX_TSCONFIG_PATH = rootTsconfig;
  require("tsx/cjs");
  cli = require("../src/cli.ts");
}
cli.run(process.argv.slice(2));

#!/usr/bin/env node
// The browser bundle: dist/channels-client.min.js, one minified ES module with no imports at all,
// for a <script type="module"> or a CDN. Prints its size raw and gzipped.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "dist", "channels-client.min.js");
await build({
  entryPoints: [join(root, "src", "index.ts")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
});
const bytes = readFileSync(outfile);
process.stderr.write(`dist/channels-client.min.js: ${bytes.length} bytes, ${gzipSync(bytes).length} gzipped\n`);

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
// The one set of options: the tests and the chat's in-memory bundle read the same file.
const options = JSON.parse(readFileSync(join(root, "bundle-options.json"), "utf8"));
await build({ ...options, absWorkingDir: root, outfile });
const bytes = readFileSync(outfile);
process.stderr.write(`dist/channels-client.min.js: ${bytes.length} bytes, ${gzipSync(bytes).length} gzipped\n`);

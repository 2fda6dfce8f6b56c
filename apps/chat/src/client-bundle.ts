import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BuildOptions } from "esbuild";
import { HttpConsumer } from "@channels-ts/core";

/** Where the live page loads the client from. */
export const CLIENT_BUNDLE_PATH = "/static/channels-client.min.js";

let bundled: Promise<string> | undefined;

/**
 * The @channels-ts/client browser bundle, built in memory from the workspace's source with esbuild
 * on first request (about 50 ms) and kept: `npm ci && npm start` works without a build step, and
 * the page always gets the client of this checkout.
 */
export function clientBundle(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import("esbuild");
    const root = dirname(require.resolve("@channels-ts/client/package.json"));
    // The client's own bundle options (what scripts/bundle.mjs ships), from its source.
    const options = JSON.parse(readFileSync(join(root, "bundle-options.json"), "utf8")) as BuildOptions;
    const result = await build({ ...options, absWorkingDir: root, write: false });
    return (result.outputFiles[0] as { text: string }).text;
  })();
  bundled.catch(() => (bundled = undefined)); // a failed build is tried again on the next request
  return bundled;
}

/** `GET /static/channels-client.min.js`. */
export class ClientBundle extends HttpConsumer {
  override async handle(): Promise<void> {
    await this.sendResponse(200, await clientBundle(), {
      headers: [
        ["content-type", "text/javascript; charset=utf-8"],
        ["cache-control", "no-cache"],
      ],
    });
  }
}

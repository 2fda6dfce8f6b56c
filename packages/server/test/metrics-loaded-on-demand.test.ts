import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO_ROOT = join(__dirname, "..", "..", "..");

/** Serves an app with `options`, closes it, and prints whether prom-client was ever loaded. */
async function promClientLoaded(options: string): Promise<boolean> {
  const script = `
    const { serve, silentLogger } = require("./packages/server/src/index.ts");
    (async () => {
      const server = await serve(async () => {}, { host: "127.0.0.1", port: 0, logger: silentLogger, ${options} });
      await server.close();
      console.log(Object.keys(require.cache).some((file) => file.includes("prom-client")));
    })();`;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "-e", script], { cwd: REPO_ROOT });
  return stdout.trim() === "true";
}

test("a server without metricsPath does not load prom-client; one with it does", async () => {
  const [without, withMetrics] = await Promise.all([promClientLoaded(""), promClientLoaded('metricsPath: "/metrics"')]);
  expect(without).toBe(false);
  expect(withMetrics).toBe(true);
});

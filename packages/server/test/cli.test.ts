import { join } from "node:path";
import WebSocket from "ws";
import { closed, fetchText, nextFrame, useProcesses, WsClients } from "@channels-ts/test-fixtures";

const bin = join(__dirname, "..", "bin", "channels-ts.js");
const fixture = join(__dirname, "fixtures", "cli-app.ts");
const processes = useProcesses();

test("channels-ts serve runs a .ts module, logs its port and access lines, and exits 0 on SIGTERM after a graceful close", async () => {
  using clients = new WsClients();
  const child = processes.start(process.execPath, [
    bin,
    "serve",
    `${fixture}:application`,
    "--host",
    "127.0.0.1",
    "--port",
    "0",
  ]);
  const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);

  const reply = await fetchText(`http://127.0.0.1:${port}/hello`);
  expect(reply.body).toBe("cli /hello");
  await child.waitFor(/"GET \/hello" 200 10/);

  const ws = await clients.open(`ws://127.0.0.1:${port}/ws/`);
  const echoed = nextFrame(ws);
  ws.send("hi");
  expect(await echoed).toBe("echo:hi");
  const wsClosed = closed(ws);

  child.kill("SIGTERM");
  expect((await wsClosed).code).toBe(1001);
  expect((await child.exited).code).toBe(0);
  expect(child.stdout).toContain("disconnect 1001");
  expect(child.stdout).toContain("lifespan shutdown");
  expect(child.stderr).toBe("");
});

test("channels-ts serve answers /healthz and /readyz by default, metrics with --metrics-path, none with --no-health", async () => {
  const child = processes.start(process.execPath, [
    bin,
    "serve",
    `${fixture}:application`,
    "--port",
    "0",
    "--metrics-path",
    "/metrics",
  ]);
  const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  // Said once the port is taken, right after the Listening line.
  await child.waitFor(/Serving \/healthz, \/readyz, \/metrics before the application/);
  expect(await fetchText(`http://127.0.0.1:${port}/healthz`)).toMatchObject({ status: 200, body: "ok\n" });
  expect((await fetchText(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  expect((await fetchText(`http://127.0.0.1:${port}/metrics`)).body).toContain("channels_connections_total");
  child.kill("SIGTERM");
  expect((await child.exited).code).toBe(0);

  const without = processes.start(process.execPath, [
    bin,
    "serve",
    `${fixture}:application`,
    "--port",
    "0",
    "--no-health",
  ]);
  const [, other] = await without.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  expect((await fetchText(`http://127.0.0.1:${other}/healthz`)).body).toBe("cli /healthz");
  without.kill("SIGTERM");
  expect((await without.exited).code).toBe(0);
});

test("channels-ts serve rejects --no-health with a health path, and a bad --metrics-path, naming the flag", async () => {
  const both = processes.start(process.execPath, [
    bin,
    "serve",
    `${fixture}:application`,
    "--no-health",
    "--readyz-path",
    "/r",
  ]);
  expect((await both.exited).code).toBe(2);
  expect(both.stderr).toContain("options --no-health and --readyz-path conflict");
  const bad = processes.start(process.execPath, [bin, "serve", `${fixture}:application`, "--metrics-path", "metrics"]);
  expect((await bad.exited).code).toBe(2);
  expect(bad.stderr).toContain("option --metrics-path: expected null or a path");
});

test("channels-ts serve explains a missing export and exits 1", async () => {
  const child = processes.start(process.execPath, [bin, "serve", `${fixture}:nothing`, "--port", "0"]);
  expect((await child.exited).code).toBe(1);
  expect(child.stderr).toContain('no "nothing" export');
  expect(child.stderr).toContain("it exports: application");
});

test("channels-ts worker runs the module's application on its channels and exits 0 on SIGTERM", async () => {
  const workerFixture = join(__dirname, "fixtures", "worker-app.ts");
  const child = processes.start(process.execPath, [bin, "worker", workerFixture, "thumbnails"]);
  await child.waitFor(/worker thumbnails got thumbnail\.make 2/);
  expect(child.stdout).toContain("worker thumbnails got thumbnail.make 1\nworker thumbnails got thumbnail.make 2");
  child.kill("SIGTERM");
  expect((await child.exited).code).toBe(0);
});

test("channels-ts serve refuses a cross-site WebSocket with 403 by default, allows --allowed-origins, and --no-check-origin turns it off", async () => {
  const refusal = (port: string, origin: string): Promise<number | "open"> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/`, { headers: { Origin: origin } });
      ws.on("open", () => {
        resolve("open");
        ws.terminate();
      });
      ws.on("unexpected-response", (_req, res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on("error", reject);
    });
  const start = async (...flags: string[]): Promise<string> => {
    const child = processes.start(process.execPath, [bin, "serve", `${fixture}:application`, "--port", "0", ...flags]);
    const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    return port as string;
  };
  const checked = await start("--allowed-origins", "trusted.example, .example.org");
  expect(await refusal(checked, "http://evil.example.com")).toBe(403);
  expect(await refusal(checked, "https://trusted.example")).toBe("open");
  expect(await refusal(checked, "https://chat.example.org")).toBe("open");
  expect(await refusal(checked, `http://127.0.0.1:${checked}`)).toBe("open");
  const unchecked = await start("--no-check-origin");
  expect(await refusal(unchecked, "http://evil.example.com")).toBe("open");
});

test("channels-ts serve believes X-Forwarded-For only from --forwarded-allow-ips (or FORWARDED_ALLOW_IPS) and limits WebSockets per address", async () => {
  using clients = new WsClients();
  const start = async (flags: string[], env: Record<string, string> = {}) => {
    const child = processes.start(process.execPath, [bin, "serve", `${fixture}:application`, "--port", "0", ...flags], {
      env,
    });
    const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
    return { child, port: port as string };
  };
  const forged = { headers: { "X-Forwarded-For": "203.0.113.7" } };
  // The test connects from 127.0.0.1, which FORWARDED_ALLOW_IPS does not name: the header is a forgery.
  const untrusted = await start([], { FORWARDED_ALLOW_IPS: "10.9.9.9" });
  await fetchText(`http://127.0.0.1:${untrusted.port}/who`, forged);
  await untrusted.child.waitFor(/127\.0\.0\.1:\d+ - - \[[^\]]*\] "GET \/who" 200/);
  const trusted = await start(["--forwarded-allow-ips", "127.0.0.1", "--max-connections-per-address", "1"]);
  await fetchText(`http://127.0.0.1:${trusted.port}/who`, forged);
  await trusted.child.waitFor(/203\.0\.113\.7:0 - - \[[^\]]*\] "GET \/who" 200/);
  await clients.open(`ws://127.0.0.1:${trusted.port}/ws/`, undefined, forged);
  await expect(clients.open(`ws://127.0.0.1:${trusted.port}/ws/`, undefined, forged)).rejects.toMatchObject({
    status: 503,
  });
  await trusted.child.waitFor(/"WSREJECT \/ws\/" 503 -/);
  await trusted.child.waitFor(/refused 1 WebSocket handshake\(s\) \(503\) over maxConnectionsPerAddress \(1\)/);
  // Another client address (through the same proxy) is still served.
  await clients.open(`ws://127.0.0.1:${trusted.port}/ws/`, undefined, {
    headers: { "X-Forwarded-For": "203.0.113.8" },
  });
});

test.each([
  [["--max-messages-per-second", "fast"], "option --max-messages-per-second must be an integer >= 0"],
  [["--max-message-burst", "many"], "option --max-message-burst must be an integer >= 0 (0: no burst, as 1;"],
  [["--max-connections-per-address", "0"], "option --max-connections-per-address must be a positive integer"],
  [
    ["--forwarded-allow-ips", "proxy.local"],
    'option --forwarded-allow-ips: expected addresses and networks: "proxy.local"',
  ],
  [
    ["--no-proxy-headers", "--forwarded-allow-ips", "10.0.0.1"],
    "options --no-proxy-headers and --forwarded-allow-ips conflict",
  ],
])("channels-ts serve %p exits 2 naming the flag", async (flags, message) => {
  const child = processes.start(process.execPath, [bin, "serve", `${fixture}:application`, ...flags]);
  expect((await child.exited).code).toBe(2);
  expect(child.stderr).toContain(message);
});

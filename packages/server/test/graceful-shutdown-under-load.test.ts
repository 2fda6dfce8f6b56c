import { join } from "node:path";
import type WebSocket from "ws";
import { closed, useProcesses, WsClients } from "@channels-ts/test-fixtures";

const bin = join(__dirname, "..", "bin", "channels-ts.js");
const fixture = join(__dirname, "fixtures", "cli-app.ts");
const processes = useProcesses();

const CLIENTS = 200;
/** The server's default `shutdownTimeoutMs`: the CLI has no flag for it, so this is the deadline it runs with. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** Every client sends its next message as soon as the echo of the last one arrives: traffic until the close. */
function keepTalking(ws: WebSocket, label: string): { echoes(): number } {
  let echoes = 0;
  let n = 0;
  ws.on("message", () => {
    echoes++;
    if (ws.readyState === ws.OPEN) ws.send(`${label} ${n++}`);
  });
  ws.send(`${label} ${n++}`);
  return { echoes: () => echoes };
}

test(`SIGTERM under load (${CLIENTS} clients talking): every client gets 1001, every disconnect handler runs exactly once, and the CLI exits 0 before its shutdown deadline`, async () => {
  using clients = new WsClients();
  const child = processes.start(process.execPath, [
    bin,
    "serve",
    `${fixture}:application`,
    "--host",
    "127.0.0.1",
    "--port",
    "0",
    "--no-access-log",
  ]);
  const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  const sockets: WebSocket[] = [];
  for (let batch = 0; batch < CLIENTS; batch += 50) {
    const opened = Array.from({ length: Math.min(50, CLIENTS - batch) }, (_, i) =>
      clients.open(`ws://127.0.0.1:${port}/ws/${batch + i}`),
    );
    sockets.push(...(await Promise.all(opened)));
  }
  const talkers = sockets.map((ws, i) => keepTalking(ws, `c${i}`));
  const closes = Promise.all(sockets.map((ws) => closed(ws)));
  // Every client has had echoes back: the traffic is flowing on every connection when the signal comes.
  await Promise.all(
    sockets.map(
      (ws, i) =>
        new Promise<void>((resolve) => {
          const check = (): void => {
            if ((talkers[i] as { echoes(): number }).echoes() < 3) return;
            ws.off("message", check);
            resolve();
          };
          ws.on("message", check);
          check();
        }),
    ),
  );

  const signalledAt = performance.now();
  child.kill("SIGTERM");
  const codes = (await closes).map((c) => c.code);
  const exit = await child.exited;
  const shutdownMs = performance.now() - signalledAt;

  expect(codes).toEqual(sockets.map(() => 1001));
  expect(exit).toEqual({ code: 0, signal: null });
  const disconnects = child.stdout.split("\n").filter((line) => line.startsWith("disconnect "));
  expect({ handlers: disconnects.length, all1001: disconnects.every((line) => line === "disconnect 1001") }).toEqual({
    handlers: CLIENTS,
    all1001: true,
  });
  expect(child.stdout).toContain("lifespan shutdown");
  expect(shutdownMs).toBeLessThan(SHUTDOWN_DEADLINE_MS);
  const echoed = talkers.reduce((sum, talker) => sum + talker.echoes(), 0);
  process.stdout.write(
    `graceful shutdown under load: ${CLIENTS} clients, ${echoed} echoes before SIGTERM, exit after ${shutdownMs.toFixed(0)} ms\n`,
  );
}, 30_000);

/**
 * Fan-out over real sockets, side by side: a plain `ws` server that loops over a Set of sockets
 * (the practical floor) and channels-ts (`serve` + WebsocketConsumer + in-memory groupSend).
 * For each: `--clients` WebSocket clients on 127.0.0.1 join one room; one of them sends
 * `--messages` text frames, each paced by the previous one reaching every client (bounded), and
 * we time until every client has every frame. Loopback only; bounded in count and time.
 *
 *     npx tsx bench/ws-fanout.ts [--clients 200] [--messages 200]
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  InMemoryChannelLayer,
  ProtocolTypeRouter,
  URLRouter,
  WebsocketConsumer,
  channelLayers,
  path,
} from "@channels-ts/core";
import { serve, silentLogger } from "@channels-ts/server";
import WebSocket, { WebSocketServer } from "ws";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 5000) : fallback;
}
const CLIENTS = arg("clients", 200);
const MESSAGES = arg("messages", 200);
const DEADLINE_MS = 60_000;
const WINDOW = 20; // frames in flight from the sender

interface Target {
  name: string;
  url: string;
  close(): Promise<void>;
}

async function plainWs(): Promise<Target> {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server });
  const sockets = new Set<WebSocket>();
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("message", (data, isBinary) => {
      for (const peer of sockets) peer.send(data, { binary: isBinary });
    });
    ws.on("close", () => sockets.delete(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    name: "plain ws (Set loop)",
    url: `ws://127.0.0.1:${port}/room/bench/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

interface RoomMessages {
  "room.message": { text: string };
}

class Room extends WebsocketConsumer<RoomMessages> {
  override groups = ["bench"];
  override async receive(text?: string): Promise<void> {
    await this.groupSend("bench", { type: "room.message", text: text ?? "" });
  }
  async room_message(message: { type: "room.message"; text: string }): Promise<void> {
    await this.send(message.text);
  }
}

async function channelsTs(): Promise<Target> {
  const layer = new InMemoryChannelLayer({ capacity: 1000 });
  channelLayers.set("default", layer);
  const app = ProtocolTypeRouter({ websocket: URLRouter([path("room/<str:name>/", Room.asApp())]) });
  const handle = await serve(app, {
    host: "127.0.0.1",
    port: 0,
    logger: silentLogger,
    pingIntervalMs: 0,
    lifespan: "off",
    // One address, as fast as it can: the limits for hostile clients would only measure themselves.
    maxConnectionsPerAddress: Infinity,
    maxMessagesPerSecond: 0,
  });
  return {
    name: "channels-ts (groupSend)",
    url: `ws://127.0.0.1:${handle.address.port}/room/bench/`,
    close: async () => {
      await handle.close();
      await layer.close();
    },
  };
}

async function run(target: Target): Promise<void> {
  const clients: WebSocket[] = [];
  let received = 0;
  const expected = CLIENTS * MESSAGES;
  let sent = 0;
  let sender: WebSocket | undefined = undefined;
  const perMessage = new Map<string, number>();
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const sendNext = (): void => {
    if (sent < MESSAGES) sender?.send(`m${sent++}`);
  };
  for (let i = 0; i < CLIENTS; i++) {
    const ws = new WebSocket(target.url);
    ws.on("message", (data) => {
      received++;
      const key = data.toString();
      const count = (perMessage.get(key) ?? 0) + 1;
      perMessage.set(key, count);
      if (count === CLIENTS) sendNext(); // keep WINDOW frames in flight
      if (received === expected) finished();
    });
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    clients.push(ws);
  }
  sender = clients[0] as WebSocket;
  const started = process.hrtime.bigint();
  for (let i = 0; i < WINDOW; i++) sendNext();
  const timer = setTimeout(finished, DEADLINE_MS);
  await done;
  clearTimeout(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `  ${target.name.padEnd(26)} ${received}/${expected} frames in ${seconds.toFixed(3)} s = ` +
      `${Math.round(received / seconds).toLocaleString("en-US")} frames/s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  for (const ws of clients) ws.terminate();
  await target.close();
}

async function main(): Promise<void> {
  console.log(
    `ws fan-out bench: ${CLIENTS} clients in one room, ${MESSAGES} messages from one of them (loopback, clients in-process)`,
  );
  if (process.env.ONLY !== "channels") await run(await plainWs());
  if (process.env.ONLY !== "plain") await run(await channelsTs());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

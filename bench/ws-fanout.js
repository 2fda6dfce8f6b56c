"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Fan-out over real sockets, side by side: a plain `ws` server that loops over a Set of sockets
 * (the practical floor) and channels-ts (`serve` + WebsocketConsumer + in-memory groupSend).
 * For each: `--clients` WebSocket clients on 127.0.0.1 join one room; one of them sends
 * `--messages` text frames, each paced by the previous one reaching every client (bounded), and
 * we time until every client has every frame. Loopback only; bounded in count and time.
 *
 *     npx tsx bench/ws-fanout.ts [--clients 200] [--messages 200]
 */
const node_http_1 = require("node:http");
const core_1 = require("@channels-ts/core");
const server_1 = require("@channels-ts/server");
const ws_1 = __importStar(require("ws"));
function arg(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    const value = i === -1 ? NaN : Number(process.argv[i + 1]);
    return Number.isFinite(value) && value > 0 ? Math.min(value, 5000) : fallback;
}
const CLIENTS = arg("clients", 200);
const MESSAGES = arg("messages", 200);
const DEADLINE_MS = 60_000;
const WINDOW = 20; // frames in flight from the sender
async function plainWs() {
    const server = (0, node_http_1.createServer)();
    const wss = new ws_1.WebSocketServer({ server });
    const sockets = new Set();
    wss.on("connection", (ws) => {
        sockets.add(ws);
        ws.on("message", (data, isBinary) => {
            for (const peer of sockets)
                peer.send(data, { binary: isBinary });
        });
        ws.on("close", () => sockets.delete(ws));
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = server.address().port;
    return {
        name: "plain ws (Set loop)",
        url: `ws://127.0.0.1:${port}/room/bench/`,
        close: () => new Promise((resolve) => {
            for (const ws of sockets)
                ws.terminate();
            wss.close();
            server.close(() => resolve());
        }),
    };
}
class Room extends core_1.WebsocketConsumer {
    groups = ["bench"];
    async receive(text) {
        await this.groupSend("bench", { type: "room.message", text: text ?? "" });
    }
    async room_message(message) {
        await this.send(message.text);
    }
}
async function channelsTs() {
    const layer = new core_1.InMemoryChannelLayer({ capacity: 1000 });
    core_1.channelLayers.set("default", layer);
    const app = (0, core_1.ProtocolTypeRouter)({ websocket: (0, core_1.URLRouter)([(0, core_1.path)("room/<str:name>/", Room.asApp())]) });
    const handle = await (0, server_1.serve)(app, {
        host: "127.0.0.1",
        port: 0,
        logger: server_1.silentLogger,
        pingIntervalMs: 0,
        lifespan: "off",
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
async function run(target) {
    const clients = [];
    let received = 0;
    const expected = CLIENTS * MESSAGES;
    let sent = 0;
    let sender = undefined;
    const perMessage = new Map();
    let finished;
    const done = new Promise((resolve) => (finished = resolve));
    const sendNext = () => {
        if (sent < MESSAGES)
            sender?.send(`m${sent++}`);
    };
    for (let i = 0; i < CLIENTS; i++) {
        const ws = new ws_1.default(target.url);
        ws.on("message", (data) => {
            received++;
            const key = data.toString();
            const count = (perMessage.get(key) ?? 0) + 1;
            perMessage.set(key, count);
            if (count === CLIENTS)
                sendNext(); // keep WINDOW frames in flight
            if (received === expected)
                finished();
        });
        await new Promise((resolve, reject) => {
            ws.once("open", () => resolve());
            ws.once("error", reject);
        });
        clients.push(ws);
    }
    sender = clients[0];
    const started = process.hrtime.bigint();
    for (let i = 0; i < WINDOW; i++)
        sendNext();
    const timer = setTimeout(finished, DEADLINE_MS);
    await done;
    clearTimeout(timer);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`  ${target.name.padEnd(26)} ${received}/${expected} frames in ${seconds.toFixed(3)} s = ` +
        `${Math.round(received / seconds).toLocaleString("en-US")} frames/s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
    for (const ws of clients)
        ws.terminate();
    await target.close();
}
async function main() {
    console.log(`ws fan-out bench: ${CLIENTS} clients in one room, ${MESSAGES} messages from one of them (loopback, clients in-process)`);
    if (process.env.ONLY !== "channels")
        await run(await plainWs());
    if (process.env.ONLY !== "plain")
        await run(await channelsTs());
}
main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
//# sourceMappingURL=ws-fanout.js.map
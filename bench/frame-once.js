"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Framing once per group send, measured: S server-side `ws` sockets each receive the same text,
 * sent by `ws.send` per socket or by `FrameCache.send` (one frame, the same Buffer written to
 * every socket), with and without corking each socket for the turn. The receivers are raw TCP
 * sockets in a child process that only count bytes, so the parent's CPU is the sending side.
 * Loopback only, every loop bounded; the child is stopped by its PID at the end.
 *
 *     npx tsx bench/frame-once.ts [--repeats 3] [--quick]
 */
const node_child_process_1 = require("node:child_process");
const node_http_1 = require("node:http");
const node_net_1 = require("node:net");
const ws_1 = require("ws");
// eslint-disable-next-line no-restricted-imports, import-x/no-relative-packages -- not exported: measured before it is wired in
const shared_frame_1 = require("../packages/server/src/shared-frame");
const MODES = ["ws.send", "frame once", "ws.send, corked", "frame once, corked"];
const quick = process.argv.includes("--quick");
const repeatsArg = Number(process.argv[process.argv.indexOf("--repeats") + 1]);
const REPEATS = Number.isInteger(repeatsArg) && repeatsArg > 0 ? Math.min(repeatsArg, 10) : quick ? 1 : 3;
const SHAPES = [
    { sockets: 100, messages: quick ? 2_000 : 10_000, bytes: 80 },
    { sockets: 100, messages: quick ? 500 : 2_000, bytes: 4096 },
    { sockets: 1, messages: quick ? 20_000 : 100_000, bytes: 80 },
];
/** Messages sent to every socket per turn of the event loop (a burst of group sends). */
const BURST = 10;
/** A socket holding more than this waits for 'drain' before the next burst. */
const HIGH_WATER = 1 << 20;
const RUN_DEADLINE_MS = 60_000;
function runClient() {
    const sockets = [];
    const received = [];
    let expected = Infinity;
    let active = 0;
    let complete = 0;
    let cpuMark = process.cpuUsage();
    const reply = (message) => void process.send?.(message);
    process.on("message", (message) => {
        if (message.connect !== undefined) {
            const { port, sockets: count } = message.connect;
            let open = 0;
            for (let i = 0; i < count; i++) {
                const socket = (0, node_net_1.connect)(port, "127.0.0.1");
                let counting = false;
                let head = "";
                received.push(0);
                const onData = (chunk) => {
                    if (counting)
                        return countBytes(i, chunk.length);
                    head += chunk.toString("latin1");
                    const end = head.indexOf("\r\n\r\n");
                    if (end === -1)
                        return;
                    counting = true;
                    const rest = head.length - end - 4;
                    if (++open === count)
                        reply({ ready: true });
                    if (rest > 0)
                        countBytes(i, rest);
                };
                socket.on("data", onData);
                socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
                sockets.push(socket);
            }
        }
        else if (message.expect !== undefined) {
            expected = message.expect.bytes;
            active = message.expect.sockets;
            complete = 0;
            received.fill(0);
            cpuMark = process.cpuUsage();
            reply({ armed: true });
        }
    });
    function countBytes(i, length) {
        const before = received[i];
        received[i] = before + length;
        if (i < active && before < expected && received[i] >= expected && ++complete === active) {
            const used = process.cpuUsage(cpuMark);
            reply({ done: { cpuMs: (used.user + used.system) / 1000 } });
        }
    }
    process.on("disconnect", () => {
        for (const socket of sockets)
            socket.destroy();
        process.exit(0);
    });
}
// ---- the sending side ----
function nextMessage(child, key) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${key} from the receivers in time`)), RUN_DEADLINE_MS);
        const onMessage = (message) => {
            if (message[key] === undefined)
                return;
            clearTimeout(timer);
            child.off("message", onMessage);
            resolve(message);
        };
        child.on("message", onMessage);
    });
}
const rawSocket = (ws) => ws._socket;
/** Distinct string objects of exactly `bytes` ASCII bytes, as a layer delivers them. */
function messageText(i, bytes) {
    const head = `{"message":"${i} `;
    return (head + "x".repeat(bytes - head.length - 2) + '"}').split("").join(""); // flat, not a rope
}
async function sendAll(peers, shape, mode, texts) {
    const cache = new shared_frame_1.FrameCache();
    const framed = mode.startsWith("frame once");
    const corked = mode.endsWith("corked");
    for (let start = 0; start < shape.messages; start += BURST) {
        const end = Math.min(start + BURST, shape.messages);
        for (let i = start; i < end; i++) {
            const text = texts[i];
            for (const ws of peers) {
                if (corked && i === start) {
                    const socket = rawSocket(ws);
                    socket.cork();
                    process.nextTick(() => socket.uncork());
                }
                if (framed)
                    cache.send(ws, text);
                else
                    ws.send(text);
            }
        }
        await new Promise((resolve) => setImmediate(resolve));
        const full = peers.map(rawSocket).filter((socket) => socket.writableLength > HIGH_WATER);
        await Promise.all(full.map((socket) => new Promise((resolve) => socket.once("drain", () => resolve()))));
    }
}
async function measure(child, peers, shape, mode) {
    const texts = Array.from({ length: shape.messages }, (_, i) => messageText(i, shape.bytes));
    const frameLength = shape.bytes + (shape.bytes < 126 ? 2 : 4);
    const armed = nextMessage(child, "armed");
    child.send({ expect: { bytes: shape.messages * frameLength, sockets: shape.sockets } });
    await armed;
    const done = nextMessage(child, "done");
    const cpu = process.cpuUsage();
    const started = performance.now();
    await sendAll(peers.slice(0, shape.sockets), shape, mode, texts);
    const { done: report } = await done;
    const elapsedMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return {
        shape,
        mode,
        perSecond: (shape.messages * shape.sockets) / (elapsedMs / 1000),
        cpuPercent: ((used.user + used.system) / 1000 / elapsedMs) * 100,
        userMicrosPerDelivery: used.user / (shape.messages * shape.sockets),
        clientCpuPercent: ((report?.cpuMs ?? NaN) / elapsedMs) * 100,
    };
}
async function runServer() {
    const http = (0, node_http_1.createServer)();
    // As channels-ts configures it (websocket-server.ts): no compression.
    const wss = new ws_1.WebSocketServer({ server: http, perMessageDeflate: false, clientTracking: false });
    const peers = [];
    wss.on("connection", (ws) => peers.push(ws));
    await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
    const port = http.address().port;
    const figures = [];
    const sockets = Math.max(...SHAPES.map((shape) => shape.sockets));
    const child = (0, node_child_process_1.fork)(__filename, ["--receivers"], { stdio: "inherit" });
    try {
        const ready = nextMessage(child, "ready");
        child.send({ connect: { port, sockets } });
        await ready;
        for (let repeat = 0; repeat < REPEATS; repeat++) {
            for (const shape of SHAPES) {
                // Interleaved, and in a rotated order each repeat, so that drift on a shared machine
                // does not favour one mode.
                for (let m = 0; m < MODES.length; m++) {
                    const figure = await measure(child, peers, shape, MODES[(m + repeat) % MODES.length]);
                    figures.push(figure);
                    console.error(`  ${describe(shape)} ${figure.mode}: ${Math.round(figure.perSecond).toLocaleString("en")}/s, ` +
                        `cpu ${figure.cpuPercent.toFixed(0)}%, receivers ${figure.clientCpuPercent.toFixed(0)}%`);
                }
            }
        }
    }
    finally {
        child.disconnect();
        if (child.exitCode === null && child.pid !== undefined)
            child.kill("SIGTERM");
        for (const ws of peers)
            ws.terminate();
        wss.close();
        http.closeAllConnections();
        http.close();
    }
    printTable(figures);
}
const describe = (shape) => `${shape.sockets} socket${shape.sockets === 1 ? "" : "s"} × ${shape.messages.toLocaleString("en")} × ${shape.bytes} B`;
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function printTable(figures) {
    console.log(`\nmedians of ${REPEATS} interleaved repeat(s); deliveries/s, sender CPU, receiver CPU\n`);
    console.log("| shape | mode | deliveries/s | × ws.send | sender CPU | µs CPU per delivery | of which user | receivers CPU |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const shape of SHAPES) {
        const of = (mode) => figures.filter((f) => f.shape === shape && f.mode === mode);
        const base = median(of("ws.send").map((f) => f.perSecond));
        for (const mode of MODES) {
            const runs = of(mode);
            const perSecond = median(runs.map((f) => f.perSecond));
            const cpu = median(runs.map((f) => f.cpuPercent));
            console.log(`| ${describe(shape)} | ${mode} | ${Math.round(perSecond).toLocaleString("en")} | ` +
                `${(perSecond / base).toFixed(2)} | ${cpu.toFixed(0)}% | ${((cpu / 100 / perSecond) * 1e6).toFixed(2)} | ` +
                `${median(runs.map((f) => f.userMicrosPerDelivery)).toFixed(2)} | ` +
                `${median(runs.map((f) => f.clientCpuPercent)).toFixed(0)}% |`);
        }
    }
}
if (process.argv.includes("--receivers"))
    runClient();
else
    runServer().catch((error) => {
        console.error(error);
        process.exitCode = 1;
    });
//# sourceMappingURL=frame-once.js.map
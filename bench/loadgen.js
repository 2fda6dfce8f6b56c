"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The load generator, in its own process so that its CPU is not the server's. One scenario per
 * run, one JSON line on stdout:
 *
 * - `fanout`: `clients` sockets in `rooms` rooms (client i in room i % rooms); one sender per room
 *   keeps at most `window` messages in flight (a message is done when every member of its room
 *   has it), for `duration` s or `messages` messages per room. Each message carries its room, a
 *   per-room sequence number and its send time, so the receivers count latency, lost,
 *   out-of-order and cross-room deliveries. `rate` > 0 paces the senders to that many offered
 *   deliveries/s in all (latency below saturation).
 * - `echo`: `clients` sockets, each alone in its room, each doing round trips one at a time.
 * - `connect`: after `warmup` connections opened and closed, opens `clients` sockets
 *   (`concurrency` handshakes at a time, client i in room i % rooms), holds them `hold` s and
 *   reads the servers' VmRSS before and after: bytes per idle connection.
 *
 * The server processes are named by `pids` (comma-separated): their CPU (utime + stime from
 * /proc/<pid>/stat) and memory (VmRSS from /proc/<pid>/status) are read around the run.
 *
 *     node --import tsx bench/loadgen.ts --scenario fanout --kind ws --urls ws://127.0.0.1:PORT \
 *       --pids PID [--clients 100] [--rooms 1] [--window 32] [--duration 5] [--deadline 30]
 *
 * Every wait is bounded by `deadline` s: a run that hits it reports what it got (lost > 0,
 * `timedOut: true`) and exits.
 */
const node_fs_1 = require("node:fs");
const node_perf_hooks_1 = require("node:perf_hooks");
const ws_1 = __importDefault(require("ws"));
const LIMITS = { clients: 20_000, rooms: 10_000, window: 10_000, messages: 1_000_000, duration: 600, deadline: 900 };
function parseOptions(argv) {
    const raw = new Map();
    for (let i = 0; i < argv.length; i++) {
        const key = argv[i];
        if (key?.startsWith("--") === true)
            raw.set(key.slice(2), argv[i + 1] ?? "");
    }
    const num = (name, fallback, max = Number.MAX_SAFE_INTEGER) => {
        const value = Number(raw.get(name));
        return raw.has(name) && Number.isFinite(value) && value >= 0 ? Math.min(value, max) : fallback;
    };
    const scenario = raw.get("scenario") ?? "fanout";
    if (scenario !== "fanout" && scenario !== "echo" && scenario !== "connect")
        throw new Error(`--scenario ${scenario}: use fanout, echo or connect`);
    const kind = raw.get("kind") ?? "ws";
    if (kind !== "ws" && kind !== "socketio")
        throw new Error(`--kind ${kind}: use ws or socketio`);
    const urls = (raw.get("urls") ?? "").split(",").filter((url) => url !== "");
    if (urls.length === 0)
        throw new Error("--urls is required: ws://127.0.0.1:PORT[,ws://127.0.0.1:PORT2]");
    for (const url of urls)
        if (!/^wss?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url))
            throw new Error(`${url}: loopback only`);
    const pidList = (name) => (raw.get(name) ?? "")
        .split(",")
        .filter((pid) => pid !== "")
        .map(Number);
    const pids = pidList("pids");
    return {
        scenario,
        kind,
        urls,
        pids,
        auxPids: pidList("auxPids"),
        clients: Math.max(1, num("clients", 100, LIMITS.clients)),
        rooms: Math.max(1, num("rooms", 1, LIMITS.rooms)),
        window: Math.max(1, num("window", 32, LIMITS.window)),
        messages: Math.max(1, num("messages", 100_000, LIMITS.messages)),
        duration: num("duration", 5, LIMITS.duration),
        rate: num("rate", 0),
        concurrency: Math.max(1, num("concurrency", 50, 1000)),
        hold: num("hold", 2, 60),
        warmup: num("warmup", 100, 1000),
        deadline: Math.max(1, num("deadline", 60, LIMITS.deadline)),
        label: raw.get("label") ?? "",
    };
}
// ---- the server processes, read from /proc ----
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** utime + stime of every pid, in seconds (0 for a pid that is gone). */
function serverCpuSeconds(pids) {
    let ticks = 0;
    for (const pid of pids) {
        try {
            const stat = (0, node_fs_1.readFileSync)(`/proc/${pid}/stat`, "utf8");
            // Fields after the command name, which is in parentheses and may hold spaces.
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
        }
        catch {
            // gone: counts as 0
        }
    }
    return ticks / CLOCK_TICKS_PER_SECOND;
}
/** VmRSS of every pid, summed, in bytes. */
function serverRssBytes(pids) {
    let bytes = 0;
    for (const pid of pids) {
        try {
            const match = /^VmRSS:\s+(\d+) kB/m.exec((0, node_fs_1.readFileSync)(`/proc/${pid}/status`, "utf8"));
            bytes += Number(match?.[1] ?? 0) * 1024;
        }
        catch {
            // gone: counts as 0
        }
    }
    return bytes;
}
function cpuMark(options) {
    return {
        wall: node_perf_hooks_1.performance.now(),
        server: serverCpuSeconds(options.pids),
        aux: serverCpuSeconds(options.auxPids),
        loadgen: process.cpuUsage(),
    };
}
/** CPU used since `mark`, in cores (1 = one core busy all the time). */
function cpuSince(mark, options) {
    const seconds = Math.max(1e-3, (node_perf_hooks_1.performance.now() - mark.wall) / 1000);
    const used = process.cpuUsage(mark.loadgen);
    return {
        serverCpu: round((serverCpuSeconds(options.pids) - mark.server) / seconds, 2),
        loadgenCpu: round((used.user + used.system) / 1e6 / seconds, 2),
        ...(options.auxPids.length === 0
            ? {}
            : { redisCpu: round((serverCpuSeconds(options.auxPids) - mark.aux) / seconds, 2) }),
    };
}
const CONNECT_TIMEOUT_MS = 10_000;
/** A client in `room` on the server at `base`; resolves once open. */
function openClient(kind, base, room, onMessage) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`connect to ${base} timed out`)), CONNECT_TIMEOUT_MS);
        if (kind === "ws") {
            // No permessage-deflate offer: none of the servers compresses, and the frames stay comparable.
            const ws = new ws_1.default(`${base}/room/${room}/`, { perMessageDeflate: false });
            ws.on("message", (data) => onMessage(data.toString()));
            ws.once("open", () => {
                clearTimeout(timer);
                resolve({ send: (text) => ws.send(text), close: () => ws.terminate() });
            });
            ws.once("error", (error) => {
                clearTimeout(timer);
                reject(error);
            });
            ws.on("error", () => undefined);
        }
        else {
            // Socket.IO spoken as raw Engine.IO v4 frames over one WebSocket: the same client cost as
            // for the other servers (socket.io-client's own per-message work would load the loadgen).
            const query = `EIO=4&transport=websocket&room=${encodeURIComponent(room)}`;
            const ws = new ws_1.default(`${base}/socket.io/?${query}`, { perMessageDeflate: false });
            let connected = false;
            ws.on("message", (data) => {
                const frame = data.toString();
                if (frame.startsWith('42["m",')) {
                    onMessage(JSON.parse(frame.slice(2))[1]);
                }
                else if (frame === "2") {
                    ws.send("3"); // Engine.IO ping: pong
                }
                else if (frame.startsWith("0")) {
                    ws.send("40"); // Engine.IO open: connect to the main namespace
                }
                else if (frame.startsWith("40") && !connected) {
                    connected = true;
                    clearTimeout(timer);
                    resolve({ send: (text) => ws.send(`42${JSON.stringify(["m", text])}`), close: () => ws.terminate() });
                }
                else if (frame.startsWith("44")) {
                    clearTimeout(timer);
                    reject(new Error(`socket.io refused the connection: ${frame}`));
                }
            });
            ws.once("error", (error) => {
                clearTimeout(timer);
                reject(error);
            });
            ws.on("error", () => undefined);
        }
    });
}
/** Opens `count` clients, `concurrency` at a time; stops early at `deadline` (ms, performance.now()). */
async function openMany(options, count, roomOf, onMessage, deadline) {
    const clients = [];
    let next = 0;
    let failed = 0;
    let firstError;
    const worker = async () => {
        while (next < count && node_perf_hooks_1.performance.now() < deadline) {
            const i = next++;
            try {
                clients[i] = await openClient(options.kind, options.urls[i % options.urls.length], roomOf(i), (text) => onMessage(i, text));
            }
            catch (error) {
                failed++;
                firstError ??= String(error);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
    return { clients, failed, firstError };
}
// ---- latency samples: a bounded reservoir ----
class Reservoir {
    samples;
    seen = 0;
    constructor(size = 200_000) {
        this.samples = new Float64Array(size);
    }
    add(value) {
        if (this.seen < this.samples.length)
            this.samples[this.seen] = value;
        else {
            const j = Math.floor(Math.random() * (this.seen + 1));
            if (j < this.samples.length)
                this.samples[j] = value;
        }
        this.seen++;
    }
    percentiles() {
        const sorted = this.samples.slice(0, Math.min(this.seen, this.samples.length)).sort();
        const at = (q) => sorted.length === 0 ? 0 : round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))], 3);
        return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
    }
}
function parse(text) {
    const a = text.indexOf(" ");
    const b = text.indexOf(" ", a + 1);
    if (a < 0 || b < 0)
        return undefined;
    return { room: text.slice(0, a), seq: Number(text.slice(a + 1, b)), sentAt: Number(text.slice(b + 1)) };
}
function round(value, digits = 0) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** Resolves when `done()` is true or at `deadline` (ms); polls every `everyMs`. */
async function until(done, deadline, everyMs = 5) {
    while (!done()) {
        if (node_perf_hooks_1.performance.now() >= deadline)
            return false;
        await sleep(everyMs);
    }
    return true;
}
const runId = Math.random().toString(36).slice(2, 8);
// ---- scenarios ----
async function fanout(options, deadline) {
    const { rooms: roomCount, window, rate } = options;
    const names = Array.from({ length: roomCount }, (_, r) => `f${runId}r${r}`);
    const roomIndex = new Map(names.map((name, r) => [name, r]));
    // Members per room, counted once the clients are open (a client that failed to connect is no member).
    const sizes = new Array(roomCount).fill(0);
    const perRoomCap = options.messages;
    const counts = names.map(() => new Uint32Array(Math.min(perRoomCap, 1_000_000)));
    const sent = new Array(roomCount).fill(0);
    const completed = new Array(roomCount).fill(0);
    const maxSeq = new Float64Array(options.clients).fill(-1);
    const latency = new Reservoir();
    let delivered = 0;
    let outOfOrder = 0;
    let crossRoom = 0;
    let malformed = 0;
    let sending = false;
    let started = 0;
    let lastDelivery = 0;
    const messageRatePerRoom = rate > 0 ? rate / options.clients : 0; // deliveries/s ÷ members
    let senders = [];
    const pump = (r) => {
        if (!sending)
            return;
        const sender = senders[r];
        if (sender === undefined)
            return;
        const allowed = messageRatePerRoom > 0 ? Math.floor(((node_perf_hooks_1.performance.now() - started) / 1000) * messageRatePerRoom) + 1 : Infinity;
        while (sent[r] < perRoomCap && sent[r] - completed[r] < window && sent[r] < allowed) {
            sender.send(`${names[r]} ${sent[r]} ${node_perf_hooks_1.performance.now()}`);
            sent[r]++;
        }
    };
    const onMessage = (i, text) => {
        const now = node_perf_hooks_1.performance.now();
        const message = parse(text);
        if (message === undefined) {
            malformed++;
            return;
        }
        const own = i % roomCount;
        const r = roomIndex.get(message.room);
        if (r !== own) {
            crossRoom++;
            return;
        }
        delivered++;
        lastDelivery = now;
        latency.add(now - message.sentAt);
        if (message.seq <= maxSeq[i])
            outOfOrder++;
        else
            maxSeq[i] = message.seq;
        const roomCounts = counts[r];
        if (++roomCounts[message.seq] === sizes[r]) {
            completed[r]++;
            pump(r);
        }
    };
    const { clients, failed, firstError } = await openMany(options, options.clients, (i) => names[i % roomCount], onMessage, deadline);
    clients.forEach((client, i) => {
        if (client !== undefined)
            sizes[i % roomCount]++;
    });
    // Client r is room r's sender; a room whose sender failed to connect sends nothing.
    senders = names.map((_, r) => clients[r]);
    const mark = cpuMark(options);
    started = node_perf_hooks_1.performance.now();
    sending = true;
    const pacer = messageRatePerRoom > 0 ? setInterval(() => names.forEach((_, r) => pump(r)), 1) : undefined;
    names.forEach((_, r) => pump(r));
    const sendUntil = Math.min(deadline, started + options.duration * 1000);
    await until(() => sent.every((n) => n >= perRoomCap), sendUntil, 10);
    sending = false;
    if (pacer !== undefined)
        clearInterval(pacer);
    const sentTotal = sent.reduce((a, b) => a + b, 0);
    const expected = sent.reduce((sum, n, r) => sum + n * sizes[r], 0);
    const drained = await until(() => delivered + crossRoom >= expected, deadline, 2);
    const cpu = cpuSince(mark, options);
    const seconds = Math.max(1e-3, ((drained ? lastDelivery : node_perf_hooks_1.performance.now()) - started) / 1000);
    for (const client of clients)
        client?.close();
    return {
        clients: options.clients,
        rooms: roomCount,
        window,
        offeredRate: rate,
        failedConnections: failed,
        ...(firstError === undefined ? {} : { firstConnectError: firstError }),
        messagesSent: sentTotal,
        expected,
        delivered,
        seconds: round(seconds, 3),
        deliveriesPerSecond: round(delivered / seconds),
        latencyMs: latency.percentiles(),
        lost: expected - delivered,
        outOfOrder,
        crossRoom,
        malformed,
        timedOut: !drained,
        ...cpu,
    };
}
async function echo(options, deadline) {
    const names = Array.from({ length: options.clients }, (_, i) => `e${runId}c${i}`);
    const sent = new Array(options.clients).fill(0);
    const received = new Array(options.clients).fill(0);
    const latency = new Reservoir();
    let outOfOrder = 0;
    let crossRoom = 0;
    let malformed = 0;
    let sending = false;
    let clients = [];
    const next = (i) => {
        if (!sending)
            return;
        clients[i]?.send(`${names[i]} ${sent[i]} ${node_perf_hooks_1.performance.now()}`);
        sent[i]++;
    };
    const onMessage = (i, text) => {
        const now = node_perf_hooks_1.performance.now();
        const message = parse(text);
        if (message === undefined)
            return void malformed++;
        if (message.room !== names[i])
            return void crossRoom++;
        if (message.seq !== received[i])
            outOfOrder++;
        received[i]++;
        latency.add(now - message.sentAt);
        next(i);
    };
    const opened = await openMany(options, options.clients, (i) => names[i], onMessage, deadline);
    clients = opened.clients;
    const mark = cpuMark(options);
    const started = node_perf_hooks_1.performance.now();
    sending = true;
    clients.forEach((_, i) => next(i));
    await sleep(Math.min(deadline, started + options.duration * 1000) - started);
    sending = false;
    const total = (counts) => counts.reduce((a, b) => a + b, 0);
    const drained = await until(() => total(received) + crossRoom >= total(sent), deadline, 2);
    const seconds = Math.max(1e-3, (node_perf_hooks_1.performance.now() - started) / 1000);
    const cpu = cpuSince(mark, options);
    for (const client of clients)
        client?.close();
    return {
        clients: options.clients,
        failedConnections: opened.failed,
        ...(opened.firstError === undefined ? {} : { firstConnectError: opened.firstError }),
        roundTrips: total(received),
        seconds: round(seconds, 3),
        roundTripsPerSecond: round(total(received) / seconds),
        latencyMs: latency.percentiles(),
        lost: total(sent) - total(received),
        outOfOrder,
        crossRoom,
        malformed,
        timedOut: !drained,
        ...cpu,
    };
}
async function connect(options, deadline) {
    const rooms = options.rooms;
    // Warm up first (a cold server pays its JIT on the first handshakes), then let it settle.
    const warm = await openMany(options, options.warmup, (i) => `w${runId}r${i}`, () => undefined, deadline);
    for (const client of warm.clients)
        client?.close();
    await sleep(Math.min(1000, deadline - node_perf_hooks_1.performance.now()));
    const baseline = serverRssBytes(options.pids);
    const mark = cpuMark(options);
    const started = node_perf_hooks_1.performance.now();
    const { clients, failed, firstError } = await openMany(options, options.clients, (i) => `c${runId}r${i % rooms}`, () => undefined, deadline);
    const seconds = Math.max(1e-3, (node_perf_hooks_1.performance.now() - started) / 1000);
    const cpu = cpuSince(mark, options);
    const opened = clients.filter((client) => client !== undefined).length;
    await sleep(Math.min(options.hold * 1000, deadline - node_perf_hooks_1.performance.now()));
    const held = serverRssBytes(options.pids);
    for (const client of clients)
        client?.close();
    return {
        clients: options.clients,
        rooms,
        opened,
        failedConnections: failed,
        ...(firstError === undefined ? {} : { firstConnectError: firstError }),
        seconds: round(seconds, 3),
        connectionsPerSecond: round(opened / seconds),
        serverRssBaseline: baseline,
        serverRssHeld: held,
        bytesPerConnection: opened === 0 ? 0 : round((held - baseline) / opened),
        timedOut: opened < options.clients,
        ...cpu,
    };
}
async function main() {
    const options = parseOptions(process.argv.slice(2));
    const deadline = node_perf_hooks_1.performance.now() + options.deadline * 1000;
    const run = { fanout, echo, connect }[options.scenario];
    const result = await run(options, deadline);
    process.stdout.write(JSON.stringify({ label: options.label, scenario: options.scenario, kind: options.kind, ...result }) + "\n");
}
main()
    .catch((error) => {
    process.stdout.write(JSON.stringify({ error: String(error) }) + "\n");
    process.exitCode = 1;
})
    // Sockets closing in the background must not keep the process (or the runner) waiting.
    .finally(() => setTimeout(() => process.exit(), 200).unref());
//# sourceMappingURL=loadgen.js.map
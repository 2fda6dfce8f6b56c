"use strict";
/** The Markdown table of a bench run: medians per server and figure, with ratios to the plain `ws` server. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.figuresFor = figuresFor;
exports.median = median;
exports.renderTable = renderTable;
const num = (value) => typeof value === "number" && Number.isFinite(value) ? value : undefined;
const latency = (key) => (result) => num(result.latencyMs?.[key]);
const int = (value) => Math.round(value).toLocaleString("en-US");
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const kib = (value) => `${(value / 1024).toFixed(1)} KiB`;
const cores = (value) => value.toFixed(2);
function figuresFor(runs) {
    const all = [
        {
            label: "fan-out, 1 room, deliveries/s",
            run: "fanout-1",
            read: (r) => num(r.deliveriesPerSecond),
            format: int,
            compare: "ratio",
        },
        { label: "fan-out, 1 room, latency p50", run: "fanout-1", read: latency("p50"), format: ms, compare: "ratio" },
        { label: "fan-out, 1 room, latency p99", run: "fanout-1", read: latency("p99"), format: ms, compare: "ratio" },
        {
            label: "fan-out, 1 room, server CPU (cores)",
            run: "fanout-1",
            read: (r) => num(r.serverCpu),
            format: cores,
            compare: "none",
        },
        {
            label: "fan-out, 1 room, loadgen CPU (cores)",
            run: "fanout-1",
            read: (r) => num(r.loadgenCpu),
            format: cores,
            compare: "none",
        },
        {
            label: "fan-out, 10 rooms, deliveries/s",
            run: "fanout-10",
            read: (r) => num(r.deliveriesPerSecond),
            format: int,
            compare: "ratio",
        },
        {
            label: "fan-out, 10 rooms, server CPU (cores)",
            run: "fanout-10",
            read: (r) => num(r.serverCpu),
            format: cores,
            compare: "none",
        },
        {
            label: "echo, round trips/s",
            run: "echo",
            read: (r) => num(r.roundTripsPerSecond),
            format: int,
            compare: "ratio",
        },
        { label: "echo, round trip p99", run: "echo", read: latency("p99"), format: ms, compare: "ratio" },
        { label: "paced 1,000 deliveries/s, p50", run: "paced-1000", read: latency("p50"), format: ms, compare: "ratio" },
        { label: "paced 1,000 deliveries/s, p99", run: "paced-1000", read: latency("p99"), format: ms, compare: "ratio" },
        { label: "paced 5,000 deliveries/s, p50", run: "paced-5000", read: latency("p50"), format: ms, compare: "ratio" },
        { label: "paced 5,000 deliveries/s, p99", run: "paced-5000", read: latency("p99"), format: ms, compare: "ratio" },
        { label: "connections/s", run: "connect", read: (r) => num(r.connectionsPerSecond), format: int, compare: "ratio" },
        {
            label: "server memory per idle connection",
            run: "connect",
            read: (r) => num(r.bytesPerConnection),
            format: kib,
            compare: "difference",
        },
    ];
    return all.filter((figure) => runs.includes(figure.run));
}
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const sum = (results, key) => results.reduce((total, r) => total + (num(r[key]) ?? 0), 0);
/** One table: a row per figure, a column per server; then the error counts summed over every run. */
function renderTable(results, servers, runs) {
    const columns = servers.filter((server) => results.some((r) => r.server === server.key));
    const baseline = "ws";
    const lines = [`| | ${columns.map((c) => c.name).join(" | ")} |`, `|---|${columns.map(() => "---").join("|")}|`];
    for (const figure of figuresFor(runs)) {
        const medianOf = (server) => median(results
            .filter((r) => r.server === server && r.run === figure.run && r.error === undefined)
            .map(figure.read)
            .filter((v) => v !== undefined));
        const base = medianOf(baseline);
        const cells = columns.map((column) => {
            const value = medianOf(column.key);
            if (value === undefined)
                return "–";
            if (column.key === baseline || base === undefined || figure.compare === "none")
                return figure.format(value);
            if (figure.compare === "difference") {
                const diff = value - base;
                return `${figure.format(value)} (${diff >= 0 ? "+" : "−"}${figure.format(Math.abs(diff))})`;
            }
            return `${figure.format(value)} (${base === 0 ? "–" : (value / base).toFixed(2)}×)`;
        });
        lines.push(`| ${figure.label} | ${cells.join(" | ")} |`);
    }
    const errors = columns.map((column) => {
        const own = results.filter((r) => r.server === column.key);
        const failed = own.filter((r) => r.error !== undefined || r.timedOut === true).length;
        return `${sum(own, "lost")} / ${sum(own, "outOfOrder")} / ${sum(own, "crossRoom")}${failed > 0 ? ` (${failed} run(s) failed or timed out)` : ""}`;
    });
    lines.push(`| lost / out of order / cross-room (all runs) | ${errors.join(" | ")} |`);
    return lines.join("\n");
}
//# sourceMappingURL=table.js.map
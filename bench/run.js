"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The bench runner: `npm run bench` (the standard set, 3 repeats) or `npm run bench:quick`
 * (`--quick`: a one-minute subset). For each repeat, each server in turn (interleaved, so that
 * a noisy neighbour hits every server alike): a fresh server process, then every run of the plan
 * from the load generator (its own process), then the server is stopped by PID. Prints the raw
 * results as JSON lines on stderr and, at the end, one Markdown table of medians on stdout; the
 * JSON lines are also written to bench/results/<plan>.jsonl.
 *
 *     npm run bench [-- --repeats 5] [-- --servers ws,channels]
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const plans_1 = require("./plans");
const processes_1 = require("./processes");
const servers_1 = require("./servers");
const table_1 = require("./table");
function flag(name) {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
}
function choosePlan() {
    const quick = process.argv.includes("--quick");
    const base = quick ? plans_1.QUICK : plans_1.STANDARD;
    const repeats = Math.min(20, Math.max(1, Number(flag("repeats") ?? base.repeats) || base.repeats));
    const servers = flag("servers")?.split(",") ?? base.servers;
    const only = flag("runs")?.split(",");
    for (const key of servers)
        if (!servers_1.SERVERS.some((s) => s.key === key))
            throw new Error(`--servers: unknown server ${key}; use ${servers_1.SERVERS.map((s) => s.key).join(", ")}`);
    const runs = only === undefined ? base.runs : base.runs.filter((run) => only.includes(run.id));
    return { name: quick ? "quick" : "standard", plan: { repeats, servers, runs } };
}
async function startRedis() {
    const port = await (0, processes_1.freePort)();
    const started = await (0, processes_1.startProcess)({
        name: "redis-server",
        command: "redis-server",
        args: ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"],
        cwd: servers_1.ROOT,
        ready: /Ready to accept connections/,
    });
    return { url: `redis://127.0.0.1:${port}`, process: started };
}
async function startServer(spec, redisUrl) {
    const started = [];
    try {
        for (let i = 0; i < spec.processes; i++)
            started.push(await (0, processes_1.startProcess)(spec.start(redisUrl)));
    }
    catch (error) {
        await Promise.all(started.map((s) => (0, processes_1.stopProcess)(s.child)));
        throw error;
    }
    return started;
}
async function runOnce(spec, server, run, aux) {
    const args = [
        "--import",
        "tsx",
        "bench/loadgen.ts",
        "--scenario",
        run.scenario,
        "--kind",
        spec.kind,
        "--urls",
        server.map((s) => `ws://127.0.0.1:${s.ready}`).join(","),
        "--pids",
        server.map((s) => s.pid).join(","),
        ...(aux.length === 0 ? [] : ["--auxPids", aux.map((s) => s.pid).join(",")]),
        "--label",
        `${spec.key}/${run.id}`,
    ];
    for (const [key, value] of Object.entries(run.args))
        args.push(`--${key}`, String(value));
    // The loadgen bounds itself by its deadline; this bounds the loadgen (startup, a stuck exit).
    const timeoutMs = ((run.args.deadline ?? 60) + 20) * 1000;
    const output = await (0, processes_1.runToEnd)(process.execPath, args, servers_1.ROOT, timeoutMs);
    const line = output.trim().split("\n").pop() ?? "";
    let parsed;
    try {
        parsed = JSON.parse(line);
    }
    catch {
        parsed = { error: `unreadable loadgen output: ${line.slice(0, 200)}` };
    }
    return { ...parsed, server: spec.key, run: run.id };
}
async function main() {
    (0, processes_1.stopAllOnSignals)();
    const { name, plan } = choosePlan();
    const specs = plan.servers.map((key) => servers_1.SERVERS.find((s) => s.key === key));
    const results = [];
    const started = Date.now();
    console.error(`bench ${name}: ${plan.repeats} repeat(s) × ${specs.length} server(s) × ${plan.runs.length} run(s), interleaved`);
    const redis = specs.some((s) => s.redis) ? await startRedis() : undefined;
    try {
        for (let repeat = 1; repeat <= plan.repeats; repeat++) {
            for (const spec of specs) {
                let server;
                try {
                    server = await startServer(spec, redis?.url);
                }
                catch (error) {
                    console.error(`bench: ${spec.name} did not start: ${String(error)}`);
                    results.push({ server: spec.key, run: "start", error: String(error) });
                    continue;
                }
                try {
                    for (const run of plan.runs) {
                        const result = await runOnce(spec, server, run, spec.redis && redis !== undefined ? [redis.process] : []);
                        results.push({ ...result, repeat });
                        console.error(JSON.stringify({ ...result, repeat }));
                    }
                }
                finally {
                    await Promise.all(server.map((s) => (0, processes_1.stopProcess)(s.child)));
                }
            }
        }
    }
    finally {
        if (redis !== undefined)
            await (0, processes_1.stopProcess)(redis.process.child);
        await (0, processes_1.stopAll)();
        const left = (0, processes_1.stillRunning)();
        console.error(left.length === 0 ? "bench: every process it started has exited" : `bench: still running: ${left.join(", ")}`);
    }
    (0, node_fs_1.mkdirSync)((0, node_path_1.join)(servers_1.ROOT, "bench/results"), { recursive: true });
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(servers_1.ROOT, `bench/results/${name}.jsonl`), results.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\nbench ${name}: medians of ${plan.repeats} interleaved repeat(s), ${seconds} s; ratios to plain ws\n`);
    console.log((0, table_1.renderTable)(results, specs.map((s) => ({ key: s.key, name: s.name })), plan.runs.map((r) => r.id)));
}
main().catch(async (error) => {
    console.error(error);
    await (0, processes_1.stopAll)();
    process.exit(1);
});
//# sourceMappingURL=run.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stillRunning = stillRunning;
exports.startProcess = startProcess;
exports.stopProcess = stopProcess;
exports.stopAll = stopAll;
exports.runToEnd = runToEnd;
exports.freePort = freePort;
exports.stopAllOnSignals = stopAllOnSignals;
/**
 * The processes a bench run starts (servers, redis-server, the load generator), each stopped by
 * its PID: SIGTERM, then SIGKILL if it has not exited in time. `stopAll` also runs on SIGINT,
 * SIGTERM and on error, so a run never leaves a listener behind.
 */
const node_child_process_1 = require("node:child_process");
const node_net_1 = require("node:net");
const running = new Set();
const everStarted = [];
/** The PIDs of every process this run started that has not exited (should be none at the end). */
function stillRunning() {
    return everStarted
        .filter((child) => child.exitCode === null && child.signalCode === null && child.pid !== undefined)
        .map((child) => child.pid);
}
/** Spawns `spec` and resolves once its output matches `ready`; rejects (and stops it) otherwise. */
function startProcess(spec) {
    const child = (0, node_child_process_1.spawn)(spec.command, spec.args, {
        cwd: spec.cwd,
        env: spec.env ?? process.env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    everStarted.push(child);
    child.once("exit", () => running.delete(child));
    return new Promise((resolve, reject) => {
        let output = "";
        let settled = false;
        const fail = (why) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            void stopProcess(child);
            reject(new Error(`${spec.name}: ${why}\n${output.slice(-2000)}`));
        };
        const timer = setTimeout(() => fail(`not ready in ${spec.timeoutMs ?? 30_000} ms`), spec.timeoutMs ?? 30_000);
        const onData = (chunk) => {
            // Keep reading after ready (a full pipe would stall the server), but keep only the tail.
            output = (output + chunk.toString()).slice(-8000);
            const match = settled ? null : spec.ready.exec(output);
            if (match !== null && child.pid !== undefined) {
                settled = true;
                clearTimeout(timer);
                resolve({ child, pid: child.pid, ready: match[1] ?? "" });
            }
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", onData);
        child.once("error", (error) => fail(String(error)));
        child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before ready`));
    });
}
/** SIGTERM by PID, SIGKILL after `graceMs`; resolves once the process has exited. */
function stopProcess(child, graceMs = 3000) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
        return Promise.resolve();
    const pid = child.pid;
    return new Promise((resolve) => {
        const kill = setTimeout(() => {
            try {
                process.kill(pid, "SIGKILL");
            }
            catch {
                // already gone
            }
        }, graceMs);
        const hard = setTimeout(resolve, graceMs + 2000); // bounded even if no exit event comes
        child.once("exit", () => {
            clearTimeout(kill);
            clearTimeout(hard);
            resolve();
        });
        try {
            process.kill(pid, "SIGTERM");
        }
        catch {
            clearTimeout(kill);
            clearTimeout(hard);
            resolve();
        }
    });
}
async function stopAll() {
    await Promise.all([...running].map((child) => stopProcess(child)));
}
/** Runs a command to completion within `timeoutMs` (stopped by PID when over); resolves with its stdout. */
function runToEnd(command, args, cwd, timeoutMs) {
    const child = (0, node_child_process_1.spawn)(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    everStarted.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    return new Promise((resolve) => {
        const timer = setTimeout(() => void stopProcess(child, 1000), timeoutMs);
        child.once("exit", () => {
            clearTimeout(timer);
            running.delete(child);
            resolve(stdout.trim() === "" ? JSON.stringify({ error: `no output; stderr: ${stderr.trim()}` }) : stdout);
        });
    });
}
/** A port free on 127.0.0.1 now (for redis-server, which cannot take port 0). */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            const port = typeof address === "object" && address !== null ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}
let stopping = false;
/** Stops every process on SIGINT/SIGTERM, then exits with 130/143. */
function stopAllOnSignals() {
    for (const [signal, code] of [
        ["SIGINT", 130],
        ["SIGTERM", 143],
    ]) {
        process.on(signal, () => {
            if (stopping)
                return;
            stopping = true;
            console.error(`bench: ${signal}: stopping ${running.size} process(es)`);
            void stopAll().finally(() => process.exit(code));
        });
    }
}
//# sourceMappingURL=processes.js.map
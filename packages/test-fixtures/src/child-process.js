"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestProcesses = exports.TestProcess = void 0;
exports.startProcess = startProcess;
exports.useProcesses = useProcesses;
const node_child_process_1 = require("node:child_process");
/**
 * A command run as a child process that a test owns: its output collected, lines awaited with a
 * bound, stopped by its PID (SIGTERM, then SIGKILL). `await using app = startProcess(...)` stops
 * it when the block ends; `useProcesses()` stops those started through it after each test (or
 * after the block).
 */
class TestProcess {
    name;
    child;
    detached;
    out = "";
    err = "";
    both = "";
    ended;
    stopping;
    /** Resolves once the process has exited and its output is read to the end (every process holding the pipes is gone). */
    exited;
    constructor(name, child, detached) {
        this.name = name;
        this.child = child;
        this.detached = detached;
        child.stdout?.setEncoding("utf8").on("data", (chunk) => ((this.out += chunk), (this.both += chunk)));
        child.stderr?.setEncoding("utf8").on("data", (chunk) => ((this.err += chunk), (this.both += chunk)));
        // A command that cannot start (ENOENT) still ends with "close"; its error goes into the output.
        child.once("error", (error) => (this.both += `${error.message}\n`));
        this.exited = new Promise((resolve) => child.once("close", (code, signal) => {
            this.ended = { code, signal };
            resolve(this.ended);
        }));
    }
    get pid() {
        return this.child.pid;
    }
    /** Everything it wrote so far, stdout and stderr as they came. */
    get output() {
        return this.both;
    }
    get stdout() {
        return this.out;
    }
    get stderr() {
        return this.err;
    }
    get alive() {
        return this.child.exitCode === null && this.child.signalCode === null;
    }
    /** Sends `signal` to the process (by its PID), as `kill -<signal> <pid>` does. */
    kill(signal) {
        this.child.kill(signal);
    }
    /**
     * The first match of `pattern` in the output, written already or to come. Rejects, naming the
     * pattern and the output so far, if the process ends first or nothing matches within `timeoutMs`.
     */
    waitFor(pattern, timeoutMs = 15_000) {
        const now = pattern.exec(this.both);
        if (now !== null)
            return Promise.resolve(now);
        const failure = (why) => new Error(`${this.name} ${why} before writing ${String(pattern)}; its output:\n${this.both}`);
        if (this.ended !== undefined)
            return Promise.reject(failure(endedHow(this.ended)));
        return new Promise((resolve, reject) => {
            const fail = (why) => {
                finish();
                reject(failure(why));
            };
            const onData = () => {
                const match = pattern.exec(this.both);
                if (match === null)
                    return;
                finish();
                resolve(match);
            };
            const onClose = (code, signal) => fail(endedHow({ code, signal }));
            const timer = setTimeout(() => fail(`wrote nothing matching for ${timeoutMs} ms`), timeoutMs);
            const finish = () => {
                clearTimeout(timer);
                this.child.stdout?.off("data", onData);
                this.child.stderr?.off("data", onData);
                this.child.off("close", onClose);
            };
            // Registered after the collectors of the constructor, so `both` already holds the chunk.
            this.child.stdout?.on("data", onData);
            this.child.stderr?.on("data", onData);
            this.child.once("close", onClose);
        });
    }
    /**
     * SIGTERM, as `kill <pid>` or `docker stop` sends; SIGKILL (to the group, if detached) when it
     * has not ended within `graceMs`. Resolves with how it ended and whether it had to be killed.
     */
    stop(graceMs = 5_000) {
        this.stopping ??= this.terminate(graceMs);
        return this.stopping;
    }
    async terminate(graceMs) {
        if (this.alive)
            this.child.kill("SIGTERM");
        const ended = await within(this.exited, graceMs);
        if (ended !== undefined)
            return { ...ended, killed: false };
        this.killAll();
        // A grandchild outside the group may hold the pipes open: stop reading them after a while.
        const killed = await within(this.exited, 2_000);
        if (killed !== undefined)
            return { ...killed, killed: true };
        this.child.stdout?.destroy();
        this.child.stderr?.destroy();
        return { code: this.child.exitCode, signal: this.child.signalCode, killed: true };
    }
    killAll() {
        if (this.detached) {
            try {
                process.kill(-this.pid, "SIGKILL");
                return;
            }
            catch {
                // the group is gone already; make sure the child is too
            }
        }
        if (this.alive)
            this.child.kill("SIGKILL");
    }
    async [Symbol.asyncDispose]() {
        await this.stop();
        // What is left of a detached group once its leader is gone (a server npm left behind) goes too.
        if (this.detached) {
            try {
                process.kill(-this.pid, "SIGKILL");
            }
            catch {
                // nothing was left behind
            }
        }
    }
}
exports.TestProcess = TestProcess;
function endedHow(exit) {
    return `ended (${exit.signal ?? `code ${exit.code}`})`;
}
function within(promise, ms) {
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
/** Starts `command` with its output piped (stdin closed); stop it with `await using` or `stop()`. */
function startProcess(command, args, options = {}) {
    const env = { ...process.env };
    for (const [key, value] of Object.entries(options.env ?? {})) {
        if (value === undefined)
            delete env[key];
        else
            env[key] = value;
    }
    const detached = options.detached ?? false;
    const child = (0, node_child_process_1.spawn)(command, args, { cwd: options.cwd, env, detached, stdio: ["ignore", "pipe", "pipe"] });
    return new TestProcess(options.name ?? [command, ...args].join(" "), child, detached);
}
/** The processes a block of tests starts, disposed together. */
class TestProcesses {
    running = new Set();
    start(command, args, options = {}) {
        const started = startProcess(command, args, options);
        this.running.add(started);
        return started;
    }
    async [Symbol.asyncDispose]() {
        const all = [...this.running];
        this.running.clear();
        await Promise.all(all.map((started) => started[Symbol.asyncDispose]()));
    }
}
exports.TestProcesses = TestProcesses;
/**
 * Processes started through it are stopped after each test (`"each"`) or after the enclosing
 * describe block (`"all"`). Declare it after the hooks whose teardown must come first.
 */
function useProcesses(after = "each", timeoutMs = 20_000) {
    const processes = new TestProcesses();
    (after === "each" ? afterEach : afterAll)(() => processes[Symbol.asyncDispose](), timeoutMs);
    return processes;
}
//# sourceMappingURL=child-process.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonLinesPeer = void 0;
const node_readline_1 = require("node:readline");
/** A child process (the Python peers) spoken to in JSON lines: one JSON value a line, each way. */
class JsonLinesPeer {
    child;
    lines = [];
    waiters = [];
    stderr = "";
    exited;
    constructor(child) {
        this.child = child;
        (0, node_readline_1.createInterface)({ input: child.stdout }).on("line", (line) => {
            const waiter = this.waiters.shift();
            if (waiter)
                waiter(line);
            else
                this.lines.push(line);
        });
        child.stderr.on("data", (chunk) => (this.stderr += chunk.toString()));
        child.stdin.on("error", () => undefined); // a dead peer shows up as `exited`, with its stderr
        this.exited = new Promise((resolve) => child.once("exit", resolve));
    }
    /** The next line the peer printed, parsed; an error with its stderr if it exits first. */
    async next() {
        const line = this.lines.shift() ??
            (await Promise.race([
                new Promise((resolve) => this.waiters.push(resolve)),
                this.exited.then((code) => {
                    throw new Error(`python exited with ${code}: ${this.stderr}`);
                }),
            ]));
        return JSON.parse(line);
    }
    write(value) {
        this.child.stdin.write(JSON.stringify(value) + "\n");
    }
    kill() {
        if (this.child.exitCode === null)
            this.child.kill();
    }
}
exports.JsonLinesPeer = JsonLinesPeer;
//# sourceMappingURL=json-lines-peer.js.map
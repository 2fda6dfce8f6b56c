"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const server_1 = require("@channels-ts/server");
/** The SIGTERM listener `stopOnShutdownSignals` adds, called directly (emitting the signal would reach Jest's own). */
let onSigterm;
let exit;
let stop;
const cleanups = [];
function install(env) {
    jest.replaceProperty(process, "env", { ...process.env, npm_command: env.npm_command });
    if (env.npm_command === undefined)
        delete process.env.npm_command;
    const before = { SIGTERM: process.listeners("SIGTERM"), SIGINT: process.listeners("SIGINT") };
    (0, server_1.stopOnShutdownSignals)(stop, server_1.silentLogger);
    const added = (signal) => process.listeners(signal).filter((listener) => !before[signal].includes(listener));
    [onSigterm] = added("SIGTERM");
    for (const signal of ["SIGTERM", "SIGINT"]) {
        for (const listener of added(signal))
            cleanups.push(() => process.off(signal, listener));
    }
}
beforeEach(() => {
    jest.useFakeTimers();
    exit = jest.spyOn(process, "exit").mockImplementation((() => undefined));
    stop = jest.fn(() => Promise.resolve());
});
afterEach(() => {
    for (const cleanup of cleanups.splice(0))
        cleanup();
    jest.useRealTimers();
    jest.restoreAllMocks();
});
describe("stopOnShutdownSignals under npm (npm_command set)", () => {
    it("checks the parent on a timer that does not keep the process alive", () => {
        const setInterval = jest.spyOn(global, "setInterval");
        install({ npm_command: "run-script" });
        expect(jest.getTimerCount()).toBe(1);
        expect((setInterval.mock.results[0]?.value).hasRef()).toBe(false);
    });
    it("stops the parent check when a signal starts the shutdown", async () => {
        install({ npm_command: "exec" });
        onSigterm("SIGTERM");
        expect(stop).toHaveBeenCalledTimes(1);
        expect(jest.getTimerCount()).toBe(0);
        // Were the check still running, a parent lost during the shutdown would not call stop again,
        // but the timer would live on until exit.
        jest.replaceProperty(process, "ppid", process.ppid + 1);
        jest.advanceTimersByTime(2_000);
        expect(stop).toHaveBeenCalledTimes(1);
        await Promise.resolve();
        expect(exit).toHaveBeenCalledWith(0);
    });
    it("treats a lost parent as a signal, once; a signal after that exits at once with 1", () => {
        install({ npm_command: "exec" });
        jest.replaceProperty(process, "ppid", process.ppid + 1);
        jest.advanceTimersByTime(500);
        expect(stop).toHaveBeenCalledTimes(1);
        expect(jest.getTimerCount()).toBe(0);
        onSigterm("SIGTERM");
        expect(stop).toHaveBeenCalledTimes(1);
        expect(exit).toHaveBeenCalledWith(1);
    });
});
describe("stopOnShutdownSignals outside npm", () => {
    it("starts no timer", () => {
        install({});
        expect(jest.getTimerCount()).toBe(0);
    });
});
//# sourceMappingURL=shutdown-signals.test.js.map
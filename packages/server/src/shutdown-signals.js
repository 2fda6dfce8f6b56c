"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stopOnShutdownSignals = stopOnShutdownSignals;
/** How often a process started by npm checks that npm's shell is still its parent. */
const PARENT_CHECK_MS = 500;
/**
 * Calls `stop` on the first SIGTERM or SIGINT and exits 0 once it resolves (1 if it rejects);
 * a second signal exits at once with 1. What the CLI does; exported for an entry point of your own.
 *
 * Under `npx` / `npm exec` / `npm run`, npm forwards a signal to the shell it started the command
 * in (`sh -c ...`), not to this process; where sh is dash (Debian, Ubuntu) the shell dies and
 * leaves this process running, re-parented. So under npm (`npm_command` set), losing the parent
 * counts as a signal: the parent is checked every 500 ms on an unref'd timer (it never keeps the
 * process alive), and the check stops once a shutdown starts, whatever started it.
 */
function stopOnShutdownSignals(stop, logger) {
    let stopping = false;
    let parentCheck;
    const shutdown = (why) => {
        stopping = true;
        clearInterval(parentCheck);
        logger.info(`${why}: shutting down`);
        stop().then(() => process.exit(0), (err) => {
            logger.error({ err }, "Shutdown failed");
            process.exit(1);
        });
    };
    const onSignal = (signal) => {
        if (stopping) {
            logger.warn(`${signal} again: exiting at once`);
            process.exit(1);
        }
        else
            shutdown(`${signal} received`);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    if (process.env.npm_command !== undefined) {
        const parent = process.ppid;
        parentCheck = setInterval(() => {
            if (process.ppid !== parent)
                shutdown(`npm's shell (pid ${parent}) exited`);
        }, PARENT_CHECK_MS);
        parentCheck.unref();
    }
}
//# sourceMappingURL=shutdown-signals.js.map
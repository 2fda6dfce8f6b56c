import type { Logger } from "./logger";
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
export declare function stopOnShutdownSignals(stop: () => Promise<void>, logger: Logger): void;

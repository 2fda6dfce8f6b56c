import { type Logger } from "./logger";
/**
 * Runs the CLI; resolves once the command is up (serve) or done (worker). Usage errors exit 2,
 * startup errors exit 1 with one line naming the problem (a stack only for unexpected errors).
 */
export declare function run(argv: string[], logger?: Logger): Promise<void>;

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.run = run;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const core_1 = require("@channels-ts/core");
const cli_args_1 = require("./cli-args");
const errors_1 = require("./errors");
const load_application_1 = require("./load-application");
const logger_1 = require("./logger");
const options_1 = require("./options");
const serve_1 = require("./serve");
const shutdown_signals_1 = require("./shutdown-signals");
const USAGE = `Usage: channels-ts <command> [options]

Commands:
  serve <module>[:export]                serve an application over HTTP and WebSocket
  worker <module>[:export] <channel>...  run an application on channel-layer channels

Options:
  -h, --help     show this help; channels-ts <command> --help shows a command's options
  -v, --version  print the version

<module> is a compiled .js file, or a .ts file (run through tsx: npm install --save-dev tsx);
the export defaults to "application", then "default".`;
const SERVE_USAGE = `Usage: channels-ts serve <module>[:export] [options]

Serves the application over HTTP and WebSocket until SIGTERM or SIGINT, then shuts down gracefully.

Options:
  --host <host>          interface to listen on (env HOST; default 127.0.0.1)
  --port <port>          port from 0 to 65535, 0 picks a free one (env PORT; default 8000)
  --root-path <path>     root_path of every scope: the prefix the app is mounted under (default "")
  --proxy-headers        take client address and scheme from X-Forwarded-* (only behind your proxy)
  --lifespan <mode>      auto | on | off (default auto)
  --log-level <level>    ${logger_1.logLevels.join(" | ")} (env LOG_LEVEL; default info)
  --access-log           log one line per request (env ACCESS_LOG=1; the default)
  --no-access-log        do not (env ACCESS_LOG=0)
  -h, --help             show this help

Flags win over environment variables. Exit status: 0 after a graceful stop, 1 if startup
fails (a busy port, an application that cannot be loaded), 2 for usage errors.`;
const WORKER_USAGE = `Usage: channels-ts worker <module>[:export] <channel> [<channel>...] [options]

Runs the application once per channel on the channel layer that <module> configures when imported,
until SIGTERM or SIGINT.

Options:
  --alias <alias>        channel layer alias (default "default")
  --log-level <level>    ${logger_1.logLevels.join(" | ")} (env LOG_LEVEL; default info)
  -h, --help             show this help`;
const LOG_LEVEL_FLAG = { type: "string", env: "LOG_LEVEL" };
const SERVE_FLAGS = {
    host: { type: "string", env: "HOST" },
    port: { type: "string", env: "PORT" },
    "root-path": { type: "string" },
    "proxy-headers": { type: "boolean" },
    lifespan: { type: "string" },
    "log-level": LOG_LEVEL_FLAG,
    "access-log": { type: "boolean", env: "ACCESS_LOG" },
};
const FLAG_OF_OPTION = { host: "--host", rootPath: "--root-path" };
const WORKER_FLAGS = { alias: { type: "string" }, "log-level": LOG_LEVEL_FLAG };
function version() {
    // src/ and dist/ both sit one level under the package root.
    const pkg = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, "..", "package.json"), "utf8"));
    return pkg.version;
}
function loggerFor(values, sources, command) {
    const level = (0, cli_args_1.oneOf)(values["log-level"], logger_1.logLevels, sources["log-level"], command);
    return (0, logger_1.createConsoleLogger)({ level: level ?? "info" });
}
async function serveCommand(args, injected) {
    const { values, sources, positionals, help } = (0, cli_args_1.parseFlags)(args, SERVE_FLAGS, "serve");
    if (help)
        return void process.stdout.write(`${SERVE_USAGE}\n`);
    const logger = injected ?? loggerFor(values, sources, "serve");
    const options = {
        logger,
        host: (0, cli_args_1.stringValue)(values.host),
        port: (0, cli_args_1.portValue)(values.port, sources.port, "serve"),
        rootPath: (0, cli_args_1.stringValue)(values["root-path"]),
        trustProxyHeaders: (0, cli_args_1.booleanValue)(values["proxy-headers"]),
        lifespan: (0, cli_args_1.oneOf)(values.lifespan, ["auto", "on", "off"], sources.lifespan, "serve"),
        accessLog: (0, cli_args_1.booleanValue)(values["access-log"]),
    };
    if (positionals.length !== 1) {
        throw new errors_1.CliUsageError(positionals.length === 0
            ? "missing <module>[:export]: name the file that exports the application"
            : `serve takes one <module>[:export], got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`, "serve");
    }
    checkServeOptions(options);
    const application = (0, load_application_1.loadApplication)(positionals[0]);
    logger.info(`Started server process [${process.pid}]`);
    const handle = await (0, serve_1.serve)(application, options);
    (0, shutdown_signals_1.stopOnShutdownSignals)(() => handle.close(), logger);
}
async function workerCommand(args, injected) {
    const { values, sources, positionals, help } = (0, cli_args_1.parseFlags)(args, WORKER_FLAGS, "worker");
    if (help)
        return void process.stdout.write(`${WORKER_USAGE}\n`);
    const logger = injected ?? loggerFor(values, sources, "worker");
    const [target, ...channels] = positionals;
    if (target === undefined || channels.length === 0) {
        throw new errors_1.CliUsageError(target === undefined
            ? "missing <module>[:export] and <channel>"
            : `missing <channel>: name at least one channel for ${target} to receive on`, "worker");
    }
    const alias = (0, cli_args_1.stringValue)(values.alias);
    // Importing the module configures its channel layers, so it comes before the Worker looks one up.
    const application = (0, load_application_1.loadApplication)(target);
    const worker = new core_1.Worker(application, channels, {
        ...(alias === undefined ? {} : { alias }),
        logger: { error: (message, err) => logger.error({ err }, message) },
    });
    (0, shutdown_signals_1.stopOnShutdownSignals)(() => worker.stop(), logger);
    logger.info(`Running worker for channels ${channels.join(", ")}`);
    await worker.run();
}
/** Flags reach the server options unchecked except for their syntax; a bad value is a usage error naming its flag. */
function checkServeOptions(options) {
    try {
        (0, options_1.resolveOptions)(options, "serve");
    }
    catch (err) {
        const flag = err instanceof errors_1.InvalidServerOption ? FLAG_OF_OPTION[err.option] : undefined;
        if (flag === undefined)
            throw err;
        throw new errors_1.CliUsageError(`option ${flag}: ${err.message.replace(/^Invalid option \w+: /, "")}`, "serve");
    }
}
function usageError(err) {
    const command = err.command === "" ? "channels-ts" : `channels-ts ${err.command}`;
    process.stderr.write(`${command}: ${err.message}\nRun "${command} --help" for usage.\n`);
    process.exit(2);
}
/**
 * Runs the CLI; resolves once the command is up (serve) or done (worker). Usage errors exit 2,
 * startup errors exit 1 with one line naming the problem (a stack only for unexpected errors).
 */
async function run(argv, logger) {
    const [command, ...rest] = argv;
    try {
        if (command === "serve")
            await serveCommand(rest, logger);
        else if (command === "worker")
            await workerCommand(rest, logger);
        else if (command === undefined || command === "--help" || command === "-h" || command === "help") {
            process.stdout.write(`${USAGE}\n`);
        }
        else if (command === "--version" || command === "-v") {
            process.stdout.write(`${version()}\n`);
        }
        else if (command.startsWith("-")) {
            throw new errors_1.CliUsageError(`unknown option ${command}`);
        }
        else {
            throw new errors_1.CliUsageError(`unknown command ${JSON.stringify(command)}: the commands are serve and worker`);
        }
    }
    catch (err) {
        if (err instanceof errors_1.CliUsageError)
            return usageError(err);
        // Configuration problems are explained by their message; anything else deserves its stack.
        if (err instanceof core_1.ChannelsError)
            process.stderr.write(`${err.message}\n`);
        else
            process.stderr.write(`channels-ts failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
    }
}
//# sourceMappingURL=cli.js.map
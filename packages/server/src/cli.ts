import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ChannelsError, Worker } from "@channels-ts/core";
import { booleanValue, limitValue, oneOf, parseFlags, portValue, stringValue, type FlagSpecs } from "./cli-args";
import { CliUsageError, InvalidServerOption } from "./errors";
import { loadApplication } from "./load-application";
import { createConsoleLogger, logLevels, type Logger } from "./logger";
import { resolveOptions, type ServeOptions } from "./options";
import { serve } from "./serve";
import { stopOnShutdownSignals } from "./shutdown-signals";

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
  --proxy-headers        take client address and scheme from X-Forwarded-*, from trusted proxies only
  --forwarded-allow-ips <list>
                         comma-separated proxies (addresses, networks such as 10.0.0.0/8, or *
                         for any) whose X-Forwarded-* are believed; implies --proxy-headers
                         (env FORWARDED_ALLOW_IPS; default 127.0.0.0/8,::1)
  --allowed-origins <list>
                         comma-separated origins a WebSocket may come from besides the request's
                         own host, e.g. example.com,.example.com (env ALLOWED_ORIGINS)
  --no-check-origin      accept cross-site WebSocket handshakes (default: refused with 403)
  --lifespan <mode>      auto | on | off (default auto)
  --max-connections-per-address <n>
                         WebSockets per client address, more get 503 (default 256)
  --max-pending-handshakes <n>
                         handshakes waiting for the application, more get 503 (default 1000)
  --handshake-timeout <ms>
                         time a client has to send a request's headers, else 408 (default 10000)
  --max-header-size <bytes>
                         largest request head, bigger gets 431 (default 16384)
  --max-messages-per-second <n>
                         per WebSocket; faster clients are closed with 1008, 0 = no limit (default 200)
  --max-message-burst <n>
                         messages a client may send at once above that rate, 0 = no burst (as 1) (default 500)
  --log-level <level>    ${logLevels.join(" | ")} (env LOG_LEVEL; default info)
  --access-log           log one line per request (env ACCESS_LOG=1; the default)
  --no-access-log        do not (env ACCESS_LOG=0)
  --metrics-path <path>  serve Prometheus metrics on <path>, e.g. /metrics (default: none)
  --healthz-path <path>  answer liveness on <path> (default /healthz)
  --readyz-path <path>   answer readiness on <path>: 503 once shutting down or while the
                         channel layer is down (default /readyz)
  --no-health            answer neither: leave /healthz and /readyz to the application
  -h, --help             show this help

The metrics, health and readiness paths are answered before the application sees them.
Flags win over environment variables. Exit status: 0 after a graceful stop, 1 if startup
fails (a busy port, an application that cannot be loaded), 2 for usage errors.`;

const WORKER_USAGE = `Usage: channels-ts worker <module>[:export] <channel> [<channel>...] [options]

Runs the application once per channel on the channel layer that <module> configures when imported,
until SIGTERM or SIGINT.

Options:
  --alias <alias>        channel layer alias (default "default")
  --log-level <level>    ${logLevels.join(" | ")} (env LOG_LEVEL; default info)
  -h, --help             show this help`;

const LOG_LEVEL_FLAG = { type: "string", env: "LOG_LEVEL" } as const;

const SERVE_FLAGS: FlagSpecs = {
  host: { type: "string", env: "HOST" },
  port: { type: "string", env: "PORT" },
  "root-path": { type: "string" },
  "proxy-headers": { type: "boolean" },
  "forwarded-allow-ips": { type: "string", env: "FORWARDED_ALLOW_IPS" },
  "max-connections-per-address": { type: "string" },
  "max-pending-handshakes": { type: "string" },
  "handshake-timeout": { type: "string" },
  "max-header-size": { type: "string" },
  "max-messages-per-second": { type: "string" },
  "max-message-burst": { type: "string" },
  "allowed-origins": { type: "string", env: "ALLOWED_ORIGINS" },
  "check-origin": { type: "boolean" },
  lifespan: { type: "string" },
  "log-level": LOG_LEVEL_FLAG,
  "access-log": { type: "boolean", env: "ACCESS_LOG" },
  "metrics-path": { type: "string" },
  "healthz-path": { type: "string" },
  "readyz-path": { type: "string" },
  health: { type: "boolean" },
};

const FLAG_OF_OPTION: Record<string, string> = {
  host: "--host",
  allowedOrigins: "--allowed-origins",
  trustedProxies: "--forwarded-allow-ips",
  maxConnectionsPerAddress: "--max-connections-per-address",
  maxPendingHandshakes: "--max-pending-handshakes",
  handshakeTimeoutMs: "--handshake-timeout",
  maxHeaderSize: "--max-header-size",
  maxMessagesPerSecond: "--max-messages-per-second",
  maxMessageBurst: "--max-message-burst",
  rootPath: "--root-path",
  metricsPath: "--metrics-path",
  healthzPath: "--healthz-path",
  readyzPath: "--readyz-path",
};

/** The CLI answers liveness and readiness unless told not to (`serve()` and `attach()` do not, by default). */
const CLI_HEALTHZ_PATH = "/healthz";
const CLI_READYZ_PATH = "/readyz";

const WORKER_FLAGS: FlagSpecs = { alias: { type: "string" }, "log-level": LOG_LEVEL_FLAG };

/** A comma-separated flag value as a list, blanks dropped. */
function listValue(value: string | boolean | undefined): string[] | undefined {
  const text = stringValue(value);
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function version(): string {
  // src/ and dist/ both sit one level under the package root.
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function loggerFor(
  values: Record<string, string | boolean | undefined>,
  sources: Record<string, string>,
  command: string,
): Logger {
  const level = oneOf(values["log-level"], logLevels, sources["log-level"], command);
  return createConsoleLogger({ level: level ?? "info" });
}

async function serveCommand(args: string[], injected: Logger | undefined): Promise<void> {
  const { values, sources, positionals, help } = parseFlags(args, SERVE_FLAGS, "serve");
  if (help) return void process.stdout.write(`${SERVE_USAGE}\n`);
  const logger = injected ?? loggerFor(values, sources, "serve");
  const options: ServeOptions = {
    logger,
    host: stringValue(values.host),
    port: portValue(values.port, sources.port, "serve"),
    rootPath: stringValue(values["root-path"]),
    ...proxyOptions(values, sources),
    maxConnectionsPerAddress: limitValue(
      values["max-connections-per-address"],
      sources["max-connections-per-address"],
      "serve",
    ),
    maxPendingHandshakes: limitValue(values["max-pending-handshakes"], sources["max-pending-handshakes"], "serve"),
    handshakeTimeoutMs: limitValue(values["handshake-timeout"], sources["handshake-timeout"], "serve"),
    maxHeaderSize: limitValue(values["max-header-size"], sources["max-header-size"], "serve"),
    maxMessagesPerSecond: limitValue(
      values["max-messages-per-second"],
      sources["max-messages-per-second"],
      "serve",
      "0 or Infinity: no limit",
    ),
    maxMessageBurst: limitValue(
      values["max-message-burst"],
      sources["max-message-burst"],
      "serve",
      "0: no burst, as 1; Infinity: no limit",
    ),
    allowedOrigins: listValue(values["allowed-origins"]),
    checkOrigin: booleanValue(values["check-origin"]),
    lifespan: oneOf(values.lifespan, ["auto", "on", "off"], sources.lifespan, "serve"),
    accessLog: booleanValue(values["access-log"]),
    metricsPath: stringValue(values["metrics-path"]),
    ...healthPaths(values, sources),
  };
  if (positionals.length !== 1) {
    throw new CliUsageError(
      positionals.length === 0
        ? "missing <module>[:export]: name the file that exports the application"
        : `serve takes one <module>[:export], got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
      "serve",
    );
  }
  checkServeOptions(options);
  const application = loadApplication(positionals[0] as string);
  logger.info(`Started server process [${process.pid}]`);
  const started = serve(application, options);
  // Before serve() says "Listening on": a signal sent on seeing that line must find these
  // handlers, not Node's default action (which kills the process at once, no 1001, no shutdown).
  stopOnShutdownSignals(async () => (await started).close(), logger);
  await started;
}

async function workerCommand(args: string[], injected: Logger | undefined): Promise<void> {
  const { values, sources, positionals, help } = parseFlags(args, WORKER_FLAGS, "worker");
  if (help) return void process.stdout.write(`${WORKER_USAGE}\n`);
  const logger = injected ?? loggerFor(values, sources, "worker");
  const [target, ...channels] = positionals;
  if (target === undefined || channels.length === 0) {
    throw new CliUsageError(
      target === undefined
        ? "missing <module>[:export] and <channel>"
        : `missing <channel>: name at least one channel for ${target} to receive on`,
      "worker",
    );
  }
  const alias = stringValue(values.alias);
  // Importing the module configures its channel layers, so it comes before the Worker looks one up.
  const application = loadApplication(target);
  const worker = new Worker(application, channels, {
    ...(alias === undefined ? {} : { alias }),
    logger: { error: (message: string, err?: unknown) => logger.error({ err }, message) },
  });
  stopOnShutdownSignals(() => worker.stop(), logger);
  logger.info(`Running worker for channels ${channels.join(", ")}`);
  await worker.run();
}

/**
 * `--proxy-headers` and `--forwarded-allow-ips` (uvicorn's flag: naming the proxies turns the
 * headers on); `--no-proxy-headers` with a list is a conflict, not a silent no-op.
 */
function proxyOptions(
  values: Record<string, string | boolean | undefined>,
  sources: Record<string, string>,
): Pick<ServeOptions, "trustProxyHeaders" | "trustedProxies"> {
  const proxies = listValue(values["forwarded-allow-ips"]);
  const headers = booleanValue(values["proxy-headers"]);
  if (proxies === undefined) return { trustProxyHeaders: headers };
  if (headers === false) {
    throw new CliUsageError(
      `options --no-proxy-headers and ${sources["forwarded-allow-ips"] ?? "--forwarded-allow-ips"} conflict: drop one of them`,
      "serve",
    );
  }
  return { trustProxyHeaders: true, trustedProxies: proxies };
}

/** `--healthz-path` / `--readyz-path`, their CLI defaults, or none with `--no-health`. */
function healthPaths(
  values: Record<string, string | boolean | undefined>,
  sources: Record<string, string>,
): Pick<ServeOptions, "healthzPath" | "readyzPath"> {
  const healthz = stringValue(values["healthz-path"]);
  const readyz = stringValue(values["readyz-path"]);
  if (values.health === false) {
    const given = healthz !== undefined ? "healthz-path" : readyz !== undefined ? "readyz-path" : undefined;
    if (given !== undefined) {
      throw new CliUsageError(
        `options --no-health and ${sources[given] ?? `--${given}`} conflict: drop one of them`,
        "serve",
      );
    }
    return { healthzPath: null, readyzPath: null };
  }
  return { healthzPath: healthz ?? CLI_HEALTHZ_PATH, readyzPath: readyz ?? CLI_READYZ_PATH };
}

/** Flags reach the server options unchecked except for their syntax; a bad value is a usage error naming its flag. */
function checkServeOptions(options: ServeOptions): void {
  try {
    resolveOptions(options, "serve");
  } catch (err) {
    const flag = err instanceof InvalidServerOption ? FLAG_OF_OPTION[err.option] : undefined;
    if (flag === undefined) throw err;
    throw new CliUsageError(`option ${flag}: ${(err as Error).message.replace(/^Invalid option \w+: /, "")}`, "serve");
  }
}

function usageError(err: CliUsageError): void {
  const command = err.command === "" ? "channels-ts" : `channels-ts ${err.command}`;
  process.stderr.write(`${command}: ${err.message}\nRun "${command} --help" for usage.\n`);
  process.exit(2);
}

/**
 * Runs the CLI; resolves once the command is up (serve) or done (worker). Usage errors exit 2,
 * startup errors exit 1 with one line naming the problem (a stack only for unexpected errors).
 */
export async function run(argv: string[], logger?: Logger): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === "serve") await serveCommand(rest, logger);
    else if (command === "worker") await workerCommand(rest, logger);
    else if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      process.stdout.write(`${USAGE}\n`);
    } else if (command === "--version" || command === "-v") {
      process.stdout.write(`${version()}\n`);
    } else if (command.startsWith("-")) {
      throw new CliUsageError(`unknown option ${command}`);
    } else {
      throw new CliUsageError(`unknown command ${JSON.stringify(command)}: the commands are serve and worker`);
    }
  } catch (err) {
    if (err instanceof CliUsageError) return usageError(err);
    // Configuration problems are explained by their message; anything else deserves its stack.
    if (err instanceof ChannelsError) process.stderr.write(`${err.message}\n`);
    else
      process.stderr.write(
        `channels-ts failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    process.exit(1);
  }
}

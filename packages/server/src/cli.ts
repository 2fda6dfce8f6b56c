import { parseArgs } from "node:util";
import { ChannelsError, Worker } from "@channels-ts/core";
import { InvalidServerOption } from "./errors";
import { loadApplication } from "./load-application";
import { consoleLogger, type Logger } from "./logger";
import type { ServeOptions } from "./options";
import { serve } from "./serve";

const USAGE = `Usage:
  channels-ts serve <module>[:export] [--host 127.0.0.1] [--port 8000] [--root-path /prefix]
                    [--proxy-headers] [--lifespan auto|on|off]
  channels-ts worker <module>[:export] <channel> [<channel>...] [--alias default]

<module> is a compiled .js file or a .ts file (run through tsx); the export defaults to
"application", then "default".`;

class UsageError extends Error {}

function onShutdownSignal(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal} received: shutting down`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "Shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new InvalidServerOption("port", `--port must be 0-65535, got ${JSON.stringify(value)}.`);
  return port;
}

async function serveCommand(args: string[], logger: Logger): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "root-path": { type: "string" },
      "proxy-headers": { type: "boolean" },
      lifespan: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new UsageError("serve takes exactly one <module>[:export].");
  const application = loadApplication(positionals[0] as string);
  const options: ServeOptions = {
    logger,
    host: values.host,
    port: parsePort(values.port),
    rootPath: values["root-path"],
    trustProxyHeaders: values["proxy-headers"],
    lifespan: values.lifespan as ServeOptions["lifespan"],
  };
  const handle = await serve(application, options);
  onShutdownSignal(() => handle.close(), logger);
}

async function workerCommand(args: string[], logger: Logger): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { alias: { type: "string" } } });
  const [target, ...channels] = positionals;
  if (target === undefined || channels.length === 0)
    throw new UsageError("worker takes <module>[:export] and at least one <channel>.");
  // Importing the module configures its channel layers, so it comes before the Worker looks one up.
  const application = loadApplication(target);
  const worker = new Worker(application, channels, {
    ...(values.alias === undefined ? {} : { alias: values.alias }),
    logger: { error: (message: string, err?: unknown) => logger.error({ err }, message) },
  });
  onShutdownSignal(() => worker.stop(), logger);
  logger.info(`Running worker for channels ${channels.join(", ")}`);
  await worker.run();
}

/** Runs the CLI; resolves once the command is up (serve) or done (worker). Exits the process on errors and signals. */
export async function run(argv: string[], logger: Logger = consoleLogger): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === "serve") await serveCommand(rest, logger);
    else if (command === "worker") await workerCommand(rest, logger);
    else if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      process.stdout.write(`${USAGE}\n`);
    } else throw new UsageError(`Unknown command ${JSON.stringify(command)}.`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    // Configuration problems are explained by their message; anything else deserves its stack.
    if (err instanceof ChannelsError) logger.error(err.message);
    else logger.error({ err }, "channels-ts failed to start");
    process.exit(1);
  }
}

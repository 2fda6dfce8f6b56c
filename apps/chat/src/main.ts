import { ChannelsError } from "@channels-ts/core";
import { serve, stopOnShutdownSignals } from "@channels-ts/server";
import { configureChannelLayers } from "./channel-layer-config";
import { chatLogger } from "./chat-logger";
import { HEALTHZ_PATH, READYZ_PATH, readChatEnvironment } from "./environment";
import { INVALID_ENVIRONMENT_EXIT_CODE, InvalidEnvironment } from "./invalid-environment";
import { reportLayerStatus } from "./layer-status";

/**
 * `npm start`: the chat on 127.0.0.1:8000 (HOST, PORT, CHANNEL_LAYER and REDIS_URL change that),
 * with /healthz and /readyz, and metrics on METRICS_PATH when set; MAX_CONNECTIONS_PER_ADDRESS,
 * MAX_MESSAGES_PER_SECOND and FORWARDED_ALLOW_IPS set the server's limits and trusted proxies;
 * ALLOWED_ORIGINS the origins a WebSocket may come from besides the page's own host.
 */
async function main(): Promise<void> {
  // Checked before anything starts: a typo stops the process here, with one line naming it.
  const environment = readChatEnvironment(process.env);
  const layer = configureChannelLayers(environment.layer);
  reportLayerStatus(layer, environment.layer);
  // Loaded after the check: the application module configures layers from the environment too.
  const { application } = await import("./application");
  const server = await serve(application, {
    host: environment.host,
    port: environment.port,
    accessLog: environment.accessLog,
    // Readiness follows the channel layer: 503 from a Redis host's `down` to its `up`, and once
    // shutdown begins (before the clients get 1001).
    healthzPath: HEALTHZ_PATH,
    readyzPath: READYZ_PATH,
    metricsPath: environment.metricsPath,
    maxConnectionsPerAddress: environment.maxConnectionsPerAddress,
    allowedOrigins: environment.allowedOrigins,
    // The server's rate limit is off at 0 or Infinity; a limit given as 0 comes back as Infinity.
    maxMessagesPerSecond: environment.maxMessagesPerSecond,
    ...(environment.forwardedAllowIps === null
      ? {}
      : { trustProxyHeaders: true, trustedProxies: environment.forwardedAllowIps }),
  });
  // The CLI's shutdown: SIGTERM/SIGINT (or, under npm, losing npm's shell) closes the sockets
  // and exits 0; a second signal exits at once.
  stopOnShutdownSignals(async () => {
    await server.close();
    await layer.close();
  }, chatLogger);
  // Announced only once the handlers are in: a signal sent on seeing this line (a test, a
  // supervisor) must not find Node's default action, which kills the process at once.
  console.log(
    `chat: open http://${server.address.host}:${server.address.port}/?num=1 ` +
      `(layer: ${environment.layer.kind}, pid ${process.pid})`,
  );
}

main().catch((error: unknown) => {
  // A bad variable, a busy port, a listen failure: one line naming the value and the fix.
  if (error instanceof ChannelsError) {
    console.error(`chat: ${error.message}`);
    process.exit(error instanceof InvalidEnvironment ? INVALID_ENVIRONMENT_EXIT_CODE : 1);
  }
  console.error(error);
  process.exit(1);
});

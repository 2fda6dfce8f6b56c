import { serve } from "@channels-ts/server";
import { configureChannelLayers } from "./channel-layer-config";
import { readChatEnvironment } from "./environment";
import { INVALID_ENVIRONMENT_EXIT_CODE, InvalidEnvironment } from "./invalid-environment";
import { reportLayerStatus } from "./layer-status";

/** `npm start`: the chat on 127.0.0.1:8000 (HOST, PORT, CHANNEL_LAYER and REDIS_URL change that). */
async function main(): Promise<void> {
  // Checked before anything starts: a typo stops the process here, with one line naming it.
  const environment = readChatEnvironment(process.env);
  const layer = configureChannelLayers(environment.layer);
  reportLayerStatus(layer, environment.layer);
  // Loaded after the check: the application module configures layers from the environment too.
  const { application } = await import("./application");
  const server = await serve(application, { host: environment.host, port: environment.port });
  console.log(
    `chat: open http://${server.address.host}:${server.address.port}/?num=1 ` +
      `(layer: ${environment.layer.kind}, pid ${process.pid})`,
  );
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`chat: ${signal}: closing the sockets and stopping`);
    void server
      .close()
      .then(() => layer.close())
      .catch(() => undefined)
      .then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironment) {
    console.error(`chat: ${error.message}`);
    process.exit(INVALID_ENVIRONMENT_EXIT_CODE);
  }
  console.error(error);
  process.exit(1);
});

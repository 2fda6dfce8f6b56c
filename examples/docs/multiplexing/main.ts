import { channelLayers, InMemoryChannelLayer } from "@channels-ts/core";
import { serve, stopOnShutdownSignals, consoleLogger } from "@channels-ts/server";
import { application } from "./streams";

async function main(): Promise<void> {
  channelLayers.configure({ default: () => new InMemoryChannelLayer() });
  const server = await serve(application, {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.PORT ?? 8000),
  });
  console.log(`listening on ${server.url}`);
  stopOnShutdownSignals(() => server.close(), consoleLogger);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

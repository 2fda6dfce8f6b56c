import { serve } from "@channels-ts/server";
import { application } from "./application";

/** `npm start`: the chat on 127.0.0.1:8000 (HOST, PORT, CHANNEL_LAYER and REDIS_URL change that). */
async function main(): Promise<void> {
  const host = process.env.HOST ?? "127.0.0.1";
  const port = Number(process.env.PORT ?? 8000);
  const server = await serve(application, { host, port });
  console.log(
    `chat: open http://${server.address.host}:${server.address.port}/?num=1 (layer: ${process.env.CHANNEL_LAYER ?? "memory"})`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

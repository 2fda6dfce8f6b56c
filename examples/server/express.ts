// server.ts: Express serves the pages, channels-ts the WebSockets under /ws
import express from "express";
import { URLRouter, WebsocketConsumer, path } from "@channels-ts/core";
import { attach } from "@channels-ts/server";

class RoomConsumer extends WebsocketConsumer {
  override async receive(text?: string): Promise<void> {
    await this.send(`${String(this.scope.url_route?.kwargs.room)}: ${text ?? ""}`);
  }
}

// Relative to the mount point: "/ws/chat/lobby/" reaches "chat/<room>/".
const websockets = URLRouter([path("chat/<room>/", RoomConsumer.asApp())]);

const app = express();
app.get("/", (_req, res) => {
  res.send("Express page; WebSockets on /ws/chat/<room>/\n");
});

const httpServer = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", (err?: Error) => {
  if (err) throw err;
  console.log(`Listening on http://127.0.0.1:${(httpServer.address() as { port: number }).port}`);
});
const channels = attach(httpServer, websockets, { paths: ["/ws"] });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // Drain the WebSockets (1001), then stop Express.
  process.once(signal, () => void channels.close().then(() => httpServer.close()));
}

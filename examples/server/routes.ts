// routes.ts: run with `npx channels-ts serve routes.ts`
import { ProtocolTypeRouter, URLRouter, WebsocketConsumer, path, type Application } from "@channels-ts/core";

class EchoConsumer extends WebsocketConsumer {
  override async receive(text?: string): Promise<void> {
    await this.send(`echo: ${text ?? ""}`);
  }
}

const hello: Application = async (scope, _receive, send) => {
  await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
  await send({ type: "http.response.body", body: Buffer.from(`hello from ${String(scope.path)}\n`) });
};

export const application = ProtocolTypeRouter({
  http: URLRouter([path("", hello)]),
  websocket: URLRouter([path("echo/", EchoConsumer.asApp())]),
});

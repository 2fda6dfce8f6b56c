import { HttpConsumer, ProtocolTypeRouter, URLRouter, WebsocketConsumer, path, type Message } from "@channels-ts/core";

export class RoomConsumer extends WebsocketConsumer {
  override async connect(): Promise<void> {
    await this.groupAdd(String(this.scope.url_route?.kwargs.room));
    await this.accept();
  }

  override async receive(text?: string): Promise<void> {
    await this.groupSend(String(this.scope.url_route?.kwargs.room), { type: "chat.message", text: text ?? "" });
  }

  async chat_message(message: Message): Promise<void> {
    await this.send(String(message.text));
  }
}

export class Health extends HttpConsumer {
  override async handle(): Promise<void> {
    await this.sendResponse(200, "ok", { headers: { "content-type": "text/plain" } });
  }
}

export const application = ProtocolTypeRouter({
  http: URLRouter([path("health/", Health.asApp())]),
  websocket: URLRouter([path("room/<slug:room>/", RoomConsumer.asApp())]),
});

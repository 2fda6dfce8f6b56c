import { StopConsumer, WebsocketConsumer, type Message } from "@channels-ts/core";

/** Step 2: every frame goes back to the client that sent it. */
export class ChatConsumer extends WebsocketConsumer {
  override async websocket_connect(_message: Message): Promise<void> {
    await this.accept();
  }

  override async websocket_receive(message: Message): Promise<void> {
    await this.send(String(message.text));
  }

  override async websocket_disconnect(_message: Message): Promise<void> {
    throw new StopConsumer();
  }
}

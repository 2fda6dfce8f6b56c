import { StopConsumer, WebsocketConsumer, type Message } from "@channels-ts/core";

/** Step 3: every frame goes to every member of the room's group, through the channel layer. */
export class ChatConsumer extends WebsocketConsumer {
  private get group(): string {
    return String(this.scope.url_route?.kwargs.group);
  }

  override async websocket_connect(_message: Message): Promise<void> {
    // Join first, as Django's tutorial does: once the socket is open, it is in the room.
    await this.channelLayer!.groupAdd(this.group, this.channelName!);
    await this.accept();
  }

  override async websocket_receive(message: Message): Promise<void> {
    await this.channelLayer!.groupSend(this.group, { type: "xx_oo", message });
  }

  // A group message of type "xx_oo" (or "xx.oo") calls this method, in every member.
  async xx_oo(event: Message): Promise<void> {
    const frame = event.message as Message;
    await this.send(String(frame.text));
  }

  override async websocket_disconnect(_message: Message): Promise<void> {
    await this.channelLayer!.groupDiscard(this.group, this.channelName!);
    throw new StopConsumer();
  }
}

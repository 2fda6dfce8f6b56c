import {
  InMemoryChannelLayer,
  ProtocolTypeRouter,
  URLRouter,
  WebsocketCommunicator,
  WebsocketConsumer,
  channelLayers,
  rePath,
  type Message,
} from "@channels-ts/core";

channelLayers.configure({ default: () => new InMemoryChannelLayer() });

class ChatConsumer extends WebsocketConsumer {
  get room(): string {
    return String(this.scope.url_route?.kwargs.room);
  }
  override async connect() {
    await this.groupAdd(this.room);
    await this.accept();
  }
  override async receive(text?: string) {
    await this.groupSend(this.room, { type: "chat.message", text: text ?? "" });
  }
  async chat_message(message: Message) {
    await this.send(String(message.text));
  }
}

export const application = ProtocolTypeRouter({
  websocket: URLRouter([rePath(String.raw`^chat/(?P<room>\w+)/$`, ChatConsumer.asApp())]),
});

// Tested without a network, as with channels.testing:
async function demo() {
  const client = new WebsocketCommunicator(application, "/chat/lobby/");
  console.log(await client.connect()); // { connected: true, subprotocol: null, closeCode: null }
  await client.sendTo("hello");
  console.log(await client.receiveFrom()); // hello
  await client.disconnect();
}
void demo();

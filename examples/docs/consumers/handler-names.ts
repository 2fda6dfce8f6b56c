import { WebsocketConsumer, type Handlers, type Message } from "@channels-ts/core";

// #region handlers
export class Room extends WebsocketConsumer {
  override async connect(): Promise<void> {
    await this.groupAdd("room");
    await this.accept();
  }

  override async receive(text?: string): Promise<void> {
    await this.groupSend("room", { type: "chat.message", text: text ?? "" });
    await this.groupSend("room", { type: "user.joined", name: "ada" });
  }

  // "chat.message" -> chat_message (Channels' rule: "." becomes "_")
  async chat_message(message: Message): Promise<void> {
    await this.send(String(message.text));
  }

  // "user.joined" -> user_joined, or, as here, where there is none, userJoined
  async userJoined(message: Message): Promise<void> {
    await this.send(`${String(message.name)} joined`);
  }
}
// #endregion handlers

// #region typed
interface ChatMessages {
  "chat.message": { text: string };
  "chat.typing": { user: string };
}

export class TypedRoom extends WebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
  override groups = ["room"];

  override async receive(text?: string): Promise<void> {
    await this.groupSend("room", { type: "chat.message", text: text ?? "" });
    // await this.groupSend("room", { type: "chat.mesage", text }); // does not compile: unknown type
    // await this.groupSend("room", { type: "chat.typing" });        // does not compile: no `user`
  }

  async chat_message(message: { type: "chat.message"; text: string }): Promise<void> {
    await this.send(message.text);
  }

  // Remove this method and `implements Handlers<ChatMessages>` fails to compile.
  async chat_typing(message: { type: "chat.typing"; user: string }): Promise<void> {
    await this.send(`${message.user} is typing`);
  }
}
// #endregion typed

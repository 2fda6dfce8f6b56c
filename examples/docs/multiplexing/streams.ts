import { Demultiplexer, JsonWebsocketConsumer, URLRouter, path, type Handlers } from "@channels-ts/core";

// #region streams
/** The "echo" stream: every payload comes back on the same stream. */
export class EchoConsumer extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson({ echo: content });
  }
}

interface ChatMessages {
  "chat.message": { text: string };
}

/** The "chat" stream: what one client says reaches every socket in the lobby, on its "chat" stream. */
export class ChatConsumer extends JsonWebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
  override groups = ["lobby"];

  override async receiveJson(content: unknown): Promise<void> {
    const { text } = content as { text: string };
    await this.groupSend("lobby", { type: "chat.message", text });
  }

  async chat_message(message: { type: "chat.message"; text: string }): Promise<void> {
    await this.sendJson({ text: message.text });
  }
}
// #endregion streams

// #region app
export const application = URLRouter([
  path("ws/", Demultiplexer.asApp({ streams: { echo: EchoConsumer, chat: ChatConsumer } })),
]);
// #endregion app

// #region subclass
/** The same streams declared on a class, with the socket refused before any stream connects. */
export class AppStreams extends Demultiplexer {
  override streams = { echo: EchoConsumer, chat: ChatConsumer };

  override async connect(): Promise<void> {
    if (this.scope.query_string.includes("banned"))
      await this.close(); // HTTP 403, no stream connects
    else await this.accept();
  }

  override async disconnect(code: number): Promise<void> {
    // Runs once the socket is closed and every stream's own disconnect has run.
    console.log(`socket closed with ${code}`);
  }
}
// #endregion subclass

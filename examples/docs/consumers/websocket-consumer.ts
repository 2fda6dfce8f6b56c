import { DenyConnection, WebsocketConsumer } from "@channels-ts/core";

// #region websocket
export class EchoConsumer extends WebsocketConsumer {
  override groups = ["broadcast"]; // joined before connect(), left after disconnect()

  override async connect(): Promise<void> {
    const room = new URLSearchParams(this.scope.query_string).get("room"); // never a token: see authentication.md
    if (room === null) throw new DenyConnection(); // refuses the handshake: HTTP 403
    // Choose a subprotocol the client offered, if any.
    await this.accept(this.scope.subprotocols.includes("chat.v1") ? "chat.v1" : null);
  }

  override async receive(text?: string, bytes?: Uint8Array): Promise<void> {
    if (text === "bye")
      await this.send("goodbye", 4000); // send, then close with 4000
    else if (text !== undefined) await this.send(text);
    else if (bytes !== undefined) await this.send(bytes);
  }

  override async disconnect(code: number): Promise<void> {
    if (code !== 1000) console.warn(`socket closed with ${code}`); // 1006: the connection was lost
  }
}
// #endregion websocket

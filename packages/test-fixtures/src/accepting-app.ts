import type { Application, Message, Receive, Scope, Send } from "@channels-ts/core";
import { deferred } from "./deferred";

/** An application that accepts every WebSocket and records what it hears until the disconnect. */
export interface AcceptingApp extends Application {
  /** Every message after the connect, of every connection, in arrival order (disconnects included). */
  readonly messages: Message[];
  /** The first websocket.disconnect any connection got. */
  readonly disconnected: Promise<Message>;
}

/** A fresh accepting application; HTTP and lifespan scopes return at once. */
export function acceptingApp(): AcceptingApp {
  const messages: Message[] = [];
  const disconnect = deferred<Message>();
  const app = async (scope: Scope, receive: Receive, send: Send): Promise<void> => {
    if (scope.type !== "websocket") return;
    for (;;) {
      const message = await receive();
      if (message.type === "websocket.connect") {
        await send({ type: "websocket.accept" });
        continue;
      }
      messages.push(message);
      if (message.type === "websocket.disconnect") return disconnect.resolve(message);
    }
  };
  return Object.assign(app, { messages, disconnected: disconnect.promise });
}

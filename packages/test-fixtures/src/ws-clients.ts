import WebSocket from "ws";
import { openSocket, Refused } from "./open-socket";
import { TextClient, type TextClientOptions } from "./text-client";

/**
 * The WebSocket clients a test opens, terminated together when the `using` block ends (or on
 * `terminate()`): `using clients = new WsClients()`.
 */
export class WsClients implements Disposable {
  private readonly sockets: WebSocket[] = [];

  /** Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is refused. */
  open(url: string, protocols?: string[], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
    const { socket, opened } = openSocket(url, protocols, options);
    this.sockets.push(socket);
    return opened;
  }

  /** Opens a TextClient (see there), terminated with the others. */
  async text(url: string, options: TextClientOptions = {}): Promise<TextClient> {
    const client = await TextClient.open(url, options);
    this.sockets.push(client.socket);
    return client;
  }

  /** The HTTP status a refused handshake got; an error if it opened. */
  async refusal(url: string, protocols?: string[]): Promise<number> {
    try {
      await this.open(url, protocols);
    } catch (err) {
      if (err instanceof Refused) return err.status;
      throw err;
    }
    throw new Error(`expected ${url} to be refused, but it opened`);
  }

  /** Cuts every client opened so far (no close handshake). */
  terminate(): void {
    for (const ws of this.sockets.splice(0)) ws.terminate();
  }

  [Symbol.dispose](): void {
    this.terminate();
  }
}

/** Next frame, as string for text and Buffer for binary. */
export function nextFrame(ws: WebSocket): Promise<string | Buffer> {
  return new Promise((resolve) =>
    ws.once("message", (data, isBinary) => resolve(isBinary ? (data as Buffer) : (data as Buffer).toString())),
  );
}

/** Resolves with the close code and reason once `ws` closes. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error("already closed"));
  return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

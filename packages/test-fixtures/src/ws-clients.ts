import WebSocket from "ws";

/** A handshake the server refused, with the HTTP status it answered. */
export class Refused extends Error {
  constructor(readonly status: number) {
    super(`handshake refused with ${status}`);
  }
}

/**
 * The WebSocket clients a test opens, terminated together when the `using` block ends (or on
 * `terminate()`): `using clients = new WsClients()`.
 */
export class WsClients implements Disposable {
  private readonly sockets: WebSocket[] = [];

  /** Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is refused. */
  open(url: string, protocols?: string[], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, protocols, options);
      this.sockets.push(ws);
      ws.on("error", () => undefined);
      ws.once("open", () => resolve(ws));
      ws.once("unexpected-response", (_req, res) => {
        res.resume();
        reject(new Refused(res.statusCode ?? 0));
        ws.terminate();
      });
      ws.once("close", (code) => reject(new Error(`closed before open (${code})`)));
    });
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

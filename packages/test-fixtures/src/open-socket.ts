import WebSocket from "ws";

/** A handshake the server refused, with the HTTP status it answered. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    url = "the handshake",
  ) {
    super(`${url}: handshake refused with ${status}`);
  }
}

/**
 * Opens a client WebSocket; rejects with `Refused` (the HTTP status) if the handshake is
 * refused, and with an Error naming `url` if it fails or has not opened within `timeoutMs`.
 */
export function openSocket(
  url: string,
  protocols?: string[],
  options: WebSocket.ClientOptions = {},
  timeoutMs = 10_000,
): { socket: WebSocket; opened: Promise<WebSocket> } {
  const socket = new WebSocket(url, protocols, options);
  socket.on("error", () => undefined); // a close event always follows
  const opened = new Promise<WebSocket>((resolve, reject) => {
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
      socket.terminate();
    };
    const timer = setTimeout(() => fail(new Error(`${url}: no handshake within ${timeoutMs} ms`)), timeoutMs);
    socket.once("unexpected-response", (_req, res) => {
      res.resume();
      fail(new Refused(res.statusCode ?? 0, url));
    });
    socket.once("error", (error) => fail(new Error(`${url}: ${error.message}`)));
    socket.once("close", (code) => fail(new Error(`${url}: closed before open (${code})`)));
    socket.once("open", () => {
      clearTimeout(timer);
      resolve(socket);
    });
  });
  return { socket, opened };
}

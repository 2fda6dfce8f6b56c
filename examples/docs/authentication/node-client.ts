import WebSocket from "ws";

/** A Node client (the `ws` package) that sends its token in the Authorization header. */
export function openWithHeader(base: string, token: string): WebSocket {
  // #region node-client
  const socket = new WebSocket(`${base}/ws/header/`, { headers: { authorization: `Bearer ${token}` } });
  // #endregion node-client
  return socket;
}

/**
 * The `headers` of a `websocket.accept` as `Name: value` lines for the 101 response.
 * Anything that could break the response apart or smuggle a header in (CR, LF, NUL, a name
 * that is not a token) or take over the handshake (Upgrade, Sec-WebSocket-*) is a
 * ProtocolError naming the header.
 */
export declare function acceptHeaderLines(headers: unknown): string[];

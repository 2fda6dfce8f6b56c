"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.acceptHeaderLines = acceptHeaderLines;
const core_1 = require("@channels-ts/core");
const handshake_1 = require("./handshake");
/** RFC 7230 `token`: what a header name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * Visible ASCII, space and tab. RFC 7230 also tolerates obs-text (bytes 0x80-0xFF), but `ws`
 * writes the 101 response as UTF-8, so such a byte would not reach the client as given.
 */
const VALUE = /^[\t\x20-\x7e]*$/;
function headerText(part) {
    return part instanceof Uint8Array ? Buffer.from(part).toString("latin1") : String(part);
}
/**
 * The `headers` of a `websocket.accept` as `Name: value` lines for the 101 response.
 * Anything that could break the response apart or smuggle a header in (CR, LF, NUL, a name
 * that is not a token) or take over the handshake (Upgrade, Sec-WebSocket-*) is a
 * ProtocolError naming the header.
 */
function acceptHeaderLines(headers) {
    if (headers === undefined || headers === null)
        return [];
    if (!Array.isArray(headers))
        throw new core_1.ProtocolError("websocket.accept headers must be an array of [name, value] pairs.");
    const lines = [];
    for (const pair of headers) {
        if (!Array.isArray(pair) || pair.length !== 2) {
            throw new core_1.ProtocolError(`websocket.accept header ${JSON.stringify(pair)} is not a [name, value] pair.`);
        }
        const name = headerText(pair[0]);
        const value = headerText(pair[1]);
        if (!TOKEN.test(name)) {
            throw new core_1.ProtocolError(`websocket.accept header name ${JSON.stringify(name)} is not a valid HTTP header name (RFC 7230 token: letters, digits and !#$%&'*+-.^_\`|~).`);
        }
        if (!VALUE.test(value)) {
            throw new core_1.ProtocolError(`websocket.accept header ${JSON.stringify(name)} has value ${JSON.stringify(value)}, which holds a control ` +
                "or non-ASCII character; use visible ASCII, spaces and tabs only (percent- or base64-encode anything else).");
        }
        if (handshake_1.RESERVED_ACCEPT_HEADERS.has(name.toLowerCase())) {
            throw new core_1.ProtocolError(`websocket.accept header ${JSON.stringify(name)} is set by the server and cannot be set by an application.`);
        }
        lines.push(`${name}: ${value}`);
    }
    return lines;
}
//# sourceMappingURL=accept-headers.js.map
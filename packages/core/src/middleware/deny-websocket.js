"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.denyWebsocket = void 0;
/**
 * An application that refuses every WebSocket handshake (Channels' `WebsocketDenier`): it
 * waits for `websocket.connect`, answers `websocket.close` with 1008 (policy violation; the
 * server turns a close before accept into HTTP 403), then drains until the disconnect so the
 * server can finish the connection normally.
 */
const denyWebsocket = async function denyWebsocket(_scope, receive, send) {
    const first = await receive();
    if (first.type === "websocket.disconnect")
        return;
    await send({ type: "websocket.close", code: 1008 });
    for (;;) {
        if ((await receive()).type === "websocket.disconnect")
            return;
    }
};
exports.denyWebsocket = denyWebsocket;
//# sourceMappingURL=deny-websocket.js.map
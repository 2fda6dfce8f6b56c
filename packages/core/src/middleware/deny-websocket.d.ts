import type { Application } from "../types";
/**
 * An application that refuses every WebSocket handshake (Channels' `WebsocketDenier`): it
 * waits for `websocket.connect`, answers `websocket.close` with 1008 (policy violation; the
 * server turns a close before accept into HTTP 403), then drains until the disconnect so the
 * server can finish the connection normally.
 */
export declare const denyWebsocket: Application;

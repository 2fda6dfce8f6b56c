"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const options_1 = require("../src/options");
const scope_1 = require("../src/scope");
// buildWebsocketScope writes the keys every scope shares out by hand (one object literal keeps
// them in-object for a connection's life): a key added to the shared part must reach it too.
test("the WebSocket scope carries every key of the HTTP scope but HTTP's own, with the same values", () => {
    const req = {
        url: "/room/a%20b/?x=1",
        httpVersion: "1.1",
        method: "GET",
        rawHeaders: ["Host", "example.com", "Sec-WebSocket-Protocol", "v1, v2"],
        headers: { host: "example.com", "sec-websocket-protocol": "v1, v2" },
        socket: { remoteAddress: "127.0.0.1", remotePort: 5000, localAddress: "127.0.0.1", localPort: 8000 },
    };
    const options = (0, options_1.resolveOptions)({}, "serve");
    const http = { ...(0, scope_1.buildHttpScope)(req, options, "/mount") };
    const websocket = { ...(0, scope_1.buildWebsocketScope)(req, options, "/mount") };
    const httpOnly = new Set(["type", "method", "scheme"]);
    for (const key of Object.keys(http)) {
        if (httpOnly.has(key))
            continue;
        expect([key, websocket[key]]).toEqual([key, http[key]]);
    }
    expect(websocket).toMatchObject({ type: "websocket", scheme: "ws", subprotocols: ["v1", "v2"] });
});
//# sourceMappingURL=scope-base-keys.test.js.map
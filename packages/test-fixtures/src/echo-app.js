"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.echoApp = echoApp;
/**
 * Accepts every WebSocket and sends each frame back, text as `<prefix><text>`, bytes as they came,
 * until the disconnect; answers HTTP with 200 and `<prefix><path>`. The prefix shows the
 * application, not the client's own frame, produced the reply.
 */
function echoApp(prefix = "echo:") {
    return async (scope, receive, send) => {
        if (scope.type === "http") {
            await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
            await send({ type: "http.response.body", body: Buffer.from(`${prefix}${String(scope.path)}`) });
            return;
        }
        if (scope.type !== "websocket")
            return;
        await receive();
        await send({ type: "websocket.accept" });
        for (;;) {
            const message = await receive();
            if (message.type === "websocket.disconnect")
                return;
            if (typeof message.text === "string")
                await send({ type: "websocket.send", text: `${prefix}${message.text}` });
            else if (message.bytes instanceof Uint8Array)
                await send({ type: "websocket.send", bytes: message.bytes });
        }
    };
}
//# sourceMappingURL=echo-app.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.acceptingApp = acceptingApp;
const deferred_1 = require("./deferred");
/** A fresh accepting application; HTTP and lifespan scopes return at once. */
function acceptingApp() {
    const messages = [];
    const disconnect = (0, deferred_1.deferred)();
    const app = async (scope, receive, send) => {
        if (scope.type !== "websocket")
            return;
        for (;;) {
            const message = await receive();
            if (message.type === "websocket.connect") {
                await send({ type: "websocket.accept" });
                continue;
            }
            messages.push(message);
            if (message.type === "websocket.disconnect")
                return disconnect.resolve(message);
        }
    };
    return Object.assign(app, { messages, disconnected: disconnect.promise });
}
//# sourceMappingURL=accepting-app.js.map
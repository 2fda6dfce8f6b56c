"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const server_1 = require("@channels-ts/server");
const application = async (scope, receive, send) => {
    if (scope.type === "http") {
        await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
        await send({ type: "http.response.body", body: Buffer.from(`hello from ${scope.path}\n`) });
    }
    else if (scope.type === "websocket") {
        await receive(); // websocket.connect
        await send({ type: "websocket.accept" });
        for (;;) {
            const message = await receive();
            if (message.type === "websocket.disconnect")
                return;
            await send({ type: "websocket.send", text: `echo: ${String(message.text)}` });
        }
    }
    // any other scope type (lifespan) just returns: lifespan unsupported, the server carries on
};
(0, server_1.serve)(application, { host: "127.0.0.1", port: Number(process.env.PORT ?? 8000) }).then((server) => {
    // Ctrl+C or `kill <pid>`: close WebSockets with 1001, let requests in flight finish, exit.
    for (const signal of ["SIGINT", "SIGTERM"])
        process.once(signal, () => void server.close());
}, (err) => {
    console.error(err.message); // e.g. "Port 8000 on 127.0.0.1 is already in use: ..."
    process.exitCode = 1;
});
//# sourceMappingURL=app.js.map
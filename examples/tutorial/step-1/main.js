"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const server_1 = require("@channels-ts/server");
const application_1 = require("./application");
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 8000);
(0, server_1.serve)(application_1.application, { host, port }).then((server) => {
    console.log(`chat: open http://${server.address.host}:${server.address.port}/?num=1`);
    // Ctrl-C or SIGTERM: close every socket (1001), then exit.
    const stop = () => void server.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
}, (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map
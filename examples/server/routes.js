"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = void 0;
// routes.ts: run with `npx channels-ts serve routes.ts`
const core_1 = require("@channels-ts/core");
class EchoConsumer extends core_1.WebsocketConsumer {
    async receive(text) {
        await this.send(`echo: ${text ?? ""}`);
    }
}
const hello = async (scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
    await send({ type: "http.response.body", body: Buffer.from(`hello from ${String(scope.path)}\n`) });
};
exports.application = (0, core_1.ProtocolTypeRouter)({
    http: (0, core_1.URLRouter)([(0, core_1.path)("", hello)]),
    websocket: (0, core_1.URLRouter)([(0, core_1.path)("echo/", EchoConsumer.asApp())]),
});
//# sourceMappingURL=routes.js.map
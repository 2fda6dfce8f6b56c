"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpCommunicator = void 0;
const decode_path_1 = require("../util/decode-path");
const errors_1 = require("../errors");
const application_communicator_1 = require("./application-communicator");
/** Sends one HTTP request to an application in-process (Channels' HttpCommunicator). */
class HttpCommunicator extends application_communicator_1.ApplicationCommunicator {
    body;
    constructor(application, method, path, body = new Uint8Array(), headers = []) {
        const q = path.indexOf("?");
        const rawPath = q === -1 ? path : path.slice(0, q);
        const scope = {
            type: "http",
            asgi: { version: "3.0" },
            http_version: "1.1",
            method: method.toUpperCase(),
            scheme: "http",
            path: (0, decode_path_1.decodePath)(rawPath),
            raw_path: Buffer.from(rawPath),
            query_string: q === -1 ? "" : path.slice(q + 1),
            root_path: "",
            headers,
            client: ["127.0.0.1", 0],
            server: ["127.0.0.1", 80],
        };
        super(application, scope);
        this.body = typeof body === "string" ? Buffer.from(body) : body;
    }
    /** Sends the request and collects the whole response (start and every body chunk). */
    async getResponse(timeoutMs = 1000) {
        await this.sendInput({ type: "http.request", body: this.body, more_body: false });
        const start = await this.receiveOutput(timeoutMs);
        if (start.type !== "http.response.start") {
            throw new errors_1.ChannelsError(errors_1.ErrorCode.UNEXPECTED_MESSAGE, `Expected http.response.start, got ${JSON.stringify(start.type)}.`);
        }
        const chunks = [];
        for (;;) {
            const part = await this.receiveOutput(timeoutMs);
            if (part.type !== "http.response.body") {
                throw new errors_1.ChannelsError(errors_1.ErrorCode.UNEXPECTED_MESSAGE, `Expected http.response.body, got ${JSON.stringify(part.type)}.`);
            }
            if (part.body instanceof Uint8Array)
                chunks.push(part.body);
            if (part.more_body !== true)
                break;
        }
        return {
            status: Number(start.status),
            headers: start.headers ?? [],
            body: Buffer.concat(chunks),
        };
    }
}
exports.HttpCommunicator = HttpCommunicator;
//# sourceMappingURL=http-communicator.js.map
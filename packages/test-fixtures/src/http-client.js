"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchText = fetchText;
const node_http_1 = require("node:http");
/** One HTTP request on its own connection (no agent, so nothing stays open), body read as text. */
function fetchText(url, options = {}) {
    return new Promise((resolve, reject) => {
        const req = (0, node_http_1.request)(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
            const chunks = [];
            res.on("data", (c) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
            res.on("error", reject);
        });
        req.on("error", reject);
        req.end(options.body);
    });
}
//# sourceMappingURL=http-client.js.map
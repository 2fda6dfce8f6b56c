"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NewsEvents = exports.Hello = void 0;
const core_1 = require("@channels-ts/core");
// #region http
class Hello extends core_1.HttpConsumer {
    async handle(body) {
        const name = Buffer.from(body).toString() || "world";
        await this.sendResponse(200, `hello, ${name}\n`, { headers: { "content-type": "text/plain" } });
    }
}
exports.Hello = Hello;
// #endregion http
// #region sse
/** GET /events/: one server-sent event per message sent to the group "news". */
class NewsEvents extends core_1.HttpConsumer {
    async handle() {
        await this.groupAdd("news");
        await this.sendHeaders(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        await this.sendBody(": connected\n\n", { more: true });
        // Returning here does not end the response: the consumer lives until a body chunk without `more`.
    }
    async news_item(message) {
        await this.sendBody(`data: ${String(message.text)}\n\n`, { more: true });
    }
    async news_end() {
        await this.sendBody("event: end\ndata: bye\n\n"); // no `more`: the response ends, the consumer too
    }
}
exports.NewsEvents = NewsEvents;
// #endregion sse
//# sourceMappingURL=http-consumer.js.map
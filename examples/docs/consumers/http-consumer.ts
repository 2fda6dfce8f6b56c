import { HttpConsumer, type Message } from "@channels-ts/core";

// #region http
export class Hello extends HttpConsumer {
  override async handle(body: Uint8Array): Promise<void> {
    const name = Buffer.from(body).toString() || "world";
    await this.sendResponse(200, `hello, ${name}\n`, { headers: { "content-type": "text/plain" } });
  }
}
// #endregion http

// #region sse
/** GET /events/: one server-sent event per message sent to the group "news". */
export class NewsEvents extends HttpConsumer {
  override async handle(): Promise<void> {
    await this.groupAdd("news");
    await this.sendHeaders(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    await this.sendBody(": connected\n\n", { more: true });
    // Returning here does not end the response: the consumer lives until a body chunk without `more`.
  }

  async news_item(message: Message): Promise<void> {
    await this.sendBody(`data: ${String(message.text)}\n\n`, { more: true });
  }

  async news_end(): Promise<void> {
    await this.sendBody("event: end\ndata: bye\n\n"); // no `more`: the response ends, the consumer too
  }
}
// #endregion sse

import { decodePath } from "../util/decode-path";
import { ChannelsError, ErrorCode } from "../errors";
import type { Application, Headers, HttpScope } from "../types";
import { ApplicationCommunicator } from "./application-communicator";

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** Sends one HTTP request to an application in-process (Channels' HttpCommunicator). */
export class HttpCommunicator extends ApplicationCommunicator<HttpScope> {
  private readonly body: Uint8Array;

  constructor(
    application: Application<HttpScope>,
    method: string,
    path: string,
    body: string | Uint8Array = new Uint8Array(),
    headers: Headers = [],
  ) {
    const q = path.indexOf("?");
    const rawPath = q === -1 ? path : path.slice(0, q);
    const scope: HttpScope = {
      type: "http",
      asgi: { version: "3.0" },
      http_version: "1.1",
      method: method.toUpperCase(),
      scheme: "http",
      path: decodePath(rawPath),
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
  async getResponse(timeoutMs = 1000): Promise<HttpResponse> {
    await this.sendInput({ type: "http.request", body: this.body, more_body: false });
    const start = await this.receiveOutput(timeoutMs);
    if (start.type !== "http.response.start") {
      throw new ChannelsError(
        ErrorCode.UNEXPECTED_MESSAGE,
        `Expected http.response.start, got ${JSON.stringify(start.type)}.`,
      );
    }
    const chunks: Uint8Array[] = [];
    for (;;) {
      const part = await this.receiveOutput(timeoutMs);
      if (part.type !== "http.response.body") {
        throw new ChannelsError(
          ErrorCode.UNEXPECTED_MESSAGE,
          `Expected http.response.body, got ${JSON.stringify(part.type)}.`,
        );
      }
      if (part.body instanceof Uint8Array) chunks.push(part.body);
      if (part.more_body !== true) break;
    }
    return {
      status: Number(start.status),
      headers: start.headers ?? [],
      body: Buffer.concat(chunks),
    };
  }
}

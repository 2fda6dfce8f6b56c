import type { AnyMessages, MessageMap } from "./typed-messages";
import { WebsocketConsumer } from "./websocket-consumer";
import { reserveFrameworkNames } from "./handler-name";

/** Close code for a text frame that is not valid JSON (RFC 6455: inconsistent data). */
export const INVALID_JSON_CLOSE_CODE = 1007;
/** Close code for a binary frame sent to a JSON consumer (RFC 6455: unsupported data). */
export const UNSUPPORTED_DATA_CLOSE_CODE = 1003;

/**
 * Channels' JsonWebsocketConsumer: text frames are decoded as JSON for `receiveJson`, and
 * `sendJson` encodes. Bad input closes that one socket (1007 / 1003) instead of failing the consumer.
 */
export class JsonWebsocketConsumer<M extends MessageMap = AnyMessages> extends WebsocketConsumer<M> {
  override async receive(text?: string, bytes?: Uint8Array): Promise<void> {
    if (text === undefined) {
      await this.onBinaryFrame(bytes ?? new Uint8Array());
      return;
    }
    let content: unknown;
    try {
      content = this.decodeJson(text);
    } catch (error) {
      await this.onInvalidJson(text, error);
      return;
    }
    await this.receiveJson(content);
  }

  /** One decoded JSON value from the client. */
  async receiveJson(_content: unknown): Promise<void> {}

  /** Sends `content` encoded with `encodeJson`; `close` as in `send`. */
  sendJson(content: unknown, close: boolean | number = false): Promise<void> {
    let text: string;
    try {
      text = this.encodeJson(content);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.send(text, close);
  }

  decodeJson(text: string): unknown {
    return JSON.parse(text);
  }

  encodeJson(content: unknown): string {
    return JSON.stringify(content);
  }

  /** A text frame that `decodeJson` rejected; closes with 1007 by default. */
  async onInvalidJson(_text: string, _error: unknown): Promise<void> {
    await this.close(INVALID_JSON_CLOSE_CODE, "invalid JSON");
  }

  /** A binary frame; JSON travels as text, so this closes with 1003 by default. */
  async onBinaryFrame(_bytes: Uint8Array): Promise<void> {
    await this.close(UNSUPPORTED_DATA_CLOSE_CODE, "binary frames are not supported; send JSON text");
  }
}

reserveFrameworkNames(JsonWebsocketConsumer.prototype);

/**
 * The multiplexing wire format (issue 11's contract): every frame is a JSON text frame.
 *
 * - both ways: `{"stream": <name>, "payload": <JSON value>}`
 * - server to client, a stream that ended: `{"stream": <name>, "close": {"code": <int>, "reason": <string>}}`
 * - server to client, a frame that is no envelope: `{"error": {"code": "bad_envelope", "message": <string>}}`
 */

/** Close code in a stream's close frame when the client names a stream the server does not have. */
export const UNKNOWN_STREAM_CLOSE_CODE = 4404;
/** Close code in a stream's close frame when its consumer closed before accepting, without a code of its own. */
export const STREAM_REFUSED_CLOSE_CODE = 4403;
/** Close code in a stream's close frame when its consumer failed (a handler threw). */
export const STREAM_ERROR_CLOSE_CODE = 1011;
/** `error.code` of the frame that answers a frame that is not a valid envelope. */
export const BAD_ENVELOPE = "bad_envelope";

/** One envelope from the client: the stream it is for and the JSON value it carries. */
export interface StreamEnvelope {
  stream: string;
  payload: unknown;
}

/** The envelope in `text`, or a string saying why `text` is not one (for the bad_envelope frame). */
export function parseEnvelope(text: string): StreamEnvelope | string {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    return 'frame is not valid JSON; send {"stream": <name>, "payload": <value>}';
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    return 'frame is not a JSON object; send {"stream": <name>, "payload": <value>}';
  }
  const envelope = content as Record<string, unknown>;
  const stream = envelope.stream;
  if (typeof stream !== "string" || stream === "") {
    return `"stream" must be a non-empty string, got ${describe(stream)}`;
  }
  if (!Object.hasOwn(envelope, "payload")) return `envelope for stream ${JSON.stringify(stream)} has no "payload" key`;
  return { stream, payload: envelope.payload };
}

/**
 * What goes before a stream's encoded payload: the payload text the stream's consumer produced
 * is spliced in as it is (it is checked to be JSON), rather than parsed and encoded again.
 */
export function payloadPrefix(stream: string): string {
  return `{"stream":${JSON.stringify(stream)},"payload":`;
}

/** The frame that tells the client `stream` has ended. */
export function closeFrame(stream: string, code: number, reason: string): string {
  return JSON.stringify({ stream, close: { code, reason } });
}

/** The frame that answers a frame that is not a valid envelope. */
export function badEnvelopeFrame(message: string): string {
  return JSON.stringify({ error: { code: BAD_ENVELOPE, message } });
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  return value === "" ? "an empty string" : `${JSON.stringify(value) ?? typeof value} (${typeof value})`;
}

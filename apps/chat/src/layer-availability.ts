import { getChannelLayer, type Application, type Send } from "@channels-ts/core";

/** RFC 6455 "Try Again Later": the layer reconnects by itself, so a client may retry. */
export const LAYER_UNAVAILABLE_CLOSE_CODE = 1013;

/**
 * Closes a WebSocket at once, with 1013 and a reason naming the Redis host, while the channel
 * layer says its Redis is unreachable, instead of letting the consumer fail on its first layer
 * call. A layer without an `unavailable` property (the in-memory one) is never unavailable.
 */
export function closeWhileLayerUnavailable(inner: Application): Application {
  // Not async: a connection the layer can serve gets the inner application's own promise, and
  // holds no promise of this wrapper (nor the reaction that would wait for the inner one).
  return function closeWhileLayerUnavailable(scope, receive, send) {
    let problem: string | undefined;
    try {
      problem = scope.type === "websocket" ? unavailableHost(getChannelLayer()) : undefined;
    } catch (error) {
      return Promise.reject(error as Error);
    }
    if (problem === undefined) return inner(scope, receive, send);
    return acceptAndClose(receive, send, problem);
  };
}

async function acceptAndClose(receive: () => Promise<unknown>, send: Send, problem: string): Promise<void> {
  await receive(); // websocket.connect
  // Accepted, then closed: a browser sees the code and reason, which a refused handshake (403) hides.
  await send({ type: "websocket.accept" });
  await send({ type: "websocket.close", code: LAYER_UNAVAILABLE_CLOSE_CODE, reason: closeReason(problem) });
}

function unavailableHost(layer: object | undefined): string | undefined {
  const unavailable = layer !== undefined && "unavailable" in layer ? layer.unavailable : undefined;
  if (!(unavailable instanceof Error)) return undefined;
  return "host" in unavailable && typeof unavailable.host === "string" ? unavailable.host : "Redis";
}

/** A close reason fits in 123 bytes. */
function closeReason(host: string): string {
  const reason = `Redis ${host} is unreachable; try again later`;
  return Buffer.byteLength(reason) <= 123 ? reason : "Redis is unreachable; try again later";
}

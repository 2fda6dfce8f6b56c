import type { Message, Receive, Send } from "../types";
import type { FirstMessageTokenSource } from "./token-source";

/** The close code of a WebSocket whose token was missing, invalid or late (as graphql-ws's 4401 Unauthorized). */
export const UNAUTHENTICATED_CLOSE_CODE = 4401;

/** How the wait for the first message ended. */
export type FirstMessage =
  { kind: "token"; token: string } | { kind: "refused"; reason: string } | { kind: "disconnected" };

/**
 * Waits at most `timeoutMs` for the client's first frame and reads the token out of it. Nothing
 * else is read: what the client sends after its token stays queued for the application.
 * On `"refused"` the caller closes with 4401, then `drainUntilDisconnect(pending)`.
 */
export async function readFirstMessageToken(
  receive: Receive,
  source: FirstMessageTokenSource,
): Promise<{ result: FirstMessage; pending: Promise<Message> | undefined }> {
  const next = receive();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(resolve, source.timeoutMs, "late");
  });
  const first = await Promise.race([next, late]).finally(() => clearTimeout(timer));
  if (first === "late") {
    return {
      result: { kind: "refused", reason: "no token in time" },
      pending: next,
    };
  }
  if (first.type === "websocket.disconnect") return { result: { kind: "disconnected" }, pending: undefined };
  return { result: tokenOf(first, source.field), pending: undefined };
}

function tokenOf(message: Message, field: string): FirstMessage {
  if (message.type !== "websocket.receive" || typeof message["text"] !== "string") {
    return { kind: "refused", reason: "first message carried no token" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(message["text"]);
  } catch {
    parsed = undefined;
  }
  const token =
    typeof parsed === "object" && parsed !== null && Object.hasOwn(parsed, field)
      ? (parsed as Record<string, unknown>)[field]
      : undefined;
  if (typeof token !== "string" || token === "") {
    return { kind: "refused", reason: "first message carried no token" };
  }
  return { kind: "token", token };
}

/** Sends the 4401 close, then reads until the disconnect so the server can finish the connection. */
export async function closeUnauthenticated(
  receive: Receive,
  send: Send,
  reason: string,
  pending: Promise<Message> | undefined,
): Promise<void> {
  await send({ type: "websocket.close", code: UNAUTHENTICATED_CLOSE_CODE, reason });
  let message = await (pending ?? receive());
  while (message.type !== "websocket.disconnect") message = await receive();
}

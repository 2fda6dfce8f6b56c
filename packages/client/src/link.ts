import type { DroppedMessage } from "./dropped-message.js";
import type { Inbox } from "./inbox.js";
import type { Listeners } from "./listeners.js";

/** One message on its way out: its frame text, and what to report if it is dropped. */
export interface Outgoing {
  text: string;
  message: unknown;
  stream: string | undefined;
  requestId: number | undefined;
}

/** Events of one stream of a multiplexed socket. */
export interface StreamEvents {
  /** The socket opened, so the server connected this stream (again). */
  open: { reconnected: boolean };
  /** The server closed this stream (`{"stream": name, "close": {code, reason}}`); the socket goes on. */
  closed: { code: number; reason: string };
  /** A message for this stream was not sent. */
  dropped: DroppedMessage;
}

/** What a stream hands its client so that frames for it reach it. */
export interface StreamParts {
  inbox: Inbox;
  events: Listeners<StreamEvents>;
  /** Set by the client while the server has this stream closed. */
  state: { closed: { code: number; reason: string } | undefined };
}

/** The client's side of its endpoints: how they send, ask and report. Internal. */
export interface Link {
  transmit(out: Outgoing): boolean;
  request(type: string, message: object, stream: string | undefined, timeoutMs: number | undefined): Promise<unknown>;
  reportError(error: Error): void;
  attachStream(name: string, parts: StreamParts): void;
}

import type { Link, StreamEvents } from "./link.js";
import type { AnyMessages, AnyRequests, MessageMap, RequestMap } from "./message-maps.js";
import { MessageEndpoint } from "./message-endpoint.js";

/**
 * One stream of a multiplexing (demultiplexer) consumer: its messages travel as
 * `{"stream": name, "payload": ...}` on the client's socket. Get one with `client.stream(name)`.
 * When the server closes the stream, `closed` fires and sends are dropped (`stream_closed`) until
 * the socket reconnects, which connects every stream again (`open`).
 */
export class StreamClient<
  Receive extends MessageMap = AnyMessages,
  Send extends MessageMap = Receive,
  Requests extends RequestMap = AnyRequests,
> extends MessageEndpoint<Receive, Send, Requests, StreamEvents> {
  readonly name: string;
  private readonly state: { closed: { code: number; reason: string } | undefined } = { closed: undefined };

  /** Made by `ChannelsClient.stream(name)`. */
  constructor(link: Link, name: string) {
    super(link, name);
    this.name = name;
    link.attachStream(name, { inbox: this.inbox, events: this.events, state: this.state });
  }

  /** The server's close of this stream on the current connection, or undefined while it is open. */
  get closedWith(): { code: number; reason: string } | undefined {
    return this.state.closed;
  }
}

export type { StreamEvents } from "./link.js";

/**
 * What one server counts as it goes, in plain integer fields: an increment per connection or per
 * message costs no allocation and no call, whether metrics are on or not. The metrics read these
 * on scrape; nothing else does.
 */
export class ServerStats {
  httpRequests = 0;
  websocketConnections = 0;
  /** WebSocket messages received from clients and handed to the application. */
  messagesReceived = 0;
  /** WebSocket messages the application sent that were written (or queued) to their client. */
  messagesSent = 0;
}

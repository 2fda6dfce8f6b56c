/** What a layer reports when a Redis host goes away or comes back. */
export interface HostEvent {
  /** Index of the host in `hosts` (its shard number). */
  shard: number;
  /** The host, without credentials. */
  host: string;
}

/**
 * What a layer reports when the Redis it reconnected to is not the process it left: the host's
 * `run_id` (INFO server) changed, so Redis restarted, and whatever it held only in memory is gone:
 * messages queued for this process's channels and, until each process has put its own back, the
 * other processes' group memberships. How many messages that lost cannot be known (see
 * docs/channel-layers.md, "A Redis restart").
 */
export interface HostRestartedEvent extends HostEvent {
  previousRunId: string;
  runId: string;
}

/** What a layer reports when a connection to a Redis host drops, or the host cannot be reached at all. */
export interface HostDownEvent extends HostEvent {
  /** Why: the last connection error, or an error saying the connection closed when Redis gave none. */
  error: Error;
  /**
   * True when the host has not been reached since the layer started (a wrong URL, or Redis not
   * started yet): operations that need it fail at once with `RedisHostUnavailable` until it is up.
   */
  firstConnection: boolean;
}

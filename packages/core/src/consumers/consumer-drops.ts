import { DEFAULT_DROP_WARN_INTERVAL_MS, DropCounter } from "../drops/drop-counter";

/**
 * What consumers drop: a message whose type has no handler ("no handler"). The consumer still
 * ends as in Channels, and the server closes with 1011 and logs the error (one line per consumer,
 * as it ends at the first); this counts it and reports it to `drops`, for every consumer of the process.
 */
export const consumerDrops = new DropCounter("consumer", console, DEFAULT_DROP_WARN_INTERVAL_MS, ["no handler"]);

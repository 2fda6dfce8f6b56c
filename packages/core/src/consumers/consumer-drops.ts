import { DEFAULT_DROP_WARN_INTERVAL_MS, DropCounter } from "../drops/drop-counter";

/**
 * What consumers drop: a message whose type has no handler ("no handler"). The consumer still
 * ends as in Channels (the server closes with 1011 and logs the error); this counts it, reports
 * it to `drops` and warns at most once per interval, for every consumer of the process.
 */
export const consumerDrops = new DropCounter("consumer", console, DEFAULT_DROP_WARN_INTERVAL_MS, ["no handler"]);

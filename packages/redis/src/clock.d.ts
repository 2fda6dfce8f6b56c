/**
 * Unix time in float seconds, as Python's `time.time()` (channels_redis scores and expires by it),
 * but strictly increasing within the process: queues are sorted sets ordered by score, and two
 * sends in the same millisecond must not be reordered by their random prefixes.
 */
export declare function scoreNow(): number;

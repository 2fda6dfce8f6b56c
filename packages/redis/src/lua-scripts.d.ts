/**
 * The Lua the Redis layer runs. `GROUP_SEND_CAPPED` and `RESTORE_INFLIGHT` are channels_redis
 * 4.x's scripts (same keys, same arguments; the first also lets a live reader's queue take a
 * burst), so Python and TypeScript peers step on each other's data exactly as two Python peers
 * would. The others fold several of Python's round trips into one call without changing what
 * ends up in Redis.
 */
/**
 * channels_redis `group_send`: KEYS = channel keys; ARGV = messages, capacities, now, expiry.
 * Python's script, with one change that writes the same data: a queue whose process is popping
 * it (`<queue>$reader`, see CHANNEL_COUNTS) takes up to 20 x capacity, as in GROUP_SEND_ALL.
 */
export declare const GROUP_SEND_CAPPED = "\nlocal over_capacity = 0\nlocal current_time = ARGV[#ARGV - 1]\nlocal expiry = ARGV[#ARGV]\nfor i=1,#KEYS do\n    local capacity = tonumber(ARGV[i + #KEYS])\n    local count = redis.call('ZCOUNT', KEYS[i], '-inf', '+inf')\n    if count < capacity or (count < capacity * 20 and redis.call('EXISTS', KEYS[i] .. '$reader') == 1) then\n        redis.call('ZADD', KEYS[i], current_time, ARGV[i])\n        redis.call('EXPIRE', KEYS[i], expiry)\n    else\n        over_capacity = over_capacity + 1\n    end\nend\nreturn over_capacity\n";
/** channels_redis `_brpop_with_clean`: put messages left in the in-flight set back in the queue. */
export declare const RESTORE_INFLIGHT = "\nlocal backed_up = redis.call('ZRANGE', ARGV[2], 0, -1, 'WITHSCORES')\nfor i = #backed_up, 1, -2 do\n    redis.call('ZADD', ARGV[1], backed_up[i], backed_up[i - 1])\nend\nredis.call('DEL', ARGV[2])\n";
/**
 * One `send`: Python's ZREMRANGEBYSCORE, ZCOUNT, ZADD and EXPIRE in one atomic call, with the
 * capacity counted for the channel itself (see CHANNEL_COUNTS) when ARGV[6] names it.
 * KEYS[1] = channel key; ARGV = expired-before score, capacity, now, member, expiry seconds,
 * channel name or "". Returns {1 when the channel is full (nothing written) else 0, messages
 * removed as expired}.
 */
export declare const SEND: string;
/**
 * A whole group send on one host (the group lives there, nothing is encrypted, every channel has
 * the default capacity). Python's steps (expire members, list them, bucket them by channel key,
 * expire old messages, capacity-checked ZADD + EXPIRE) in one call, skipping full channels one
 * by one. The member written per key is 12 random bytes, the message's msgpack map with one
 * extra entry, and that entry's value, the `__asgi_channel__` list, which is built here because
 * only here are the names known.
 *
 * KEYS[1] = group key. ARGV = layer prefix, random prefix, msgpack map up to and including the
 * `__asgi_channel__` key, now, member-expired-before score, message-expired-before score,
 * capacity, expiry seconds. Returns {members, channels skipped as full, messages removed as expired}.
 */
export declare const GROUP_SEND_ALL: string;
/** channels_redis `flush`: delete every key under the prefix, in chunks Lua's unpack can take. */
export declare const DELETE_PREFIX = "\nlocal keys = redis.call('keys', ARGV[1])\nfor i=1,#keys,5000 do\n    redis.call('del', unpack(keys, i, math.min(i+4999, #keys)))\nend\n";
/**
 * Appended to a process queue's key: a key its receive loop renews with every pop (expiring
 * shortly after the loop stops), telling writers that the queue is being drained.
 */
export declare const READER_KEY_SUFFIX = "$reader";
/** How long that mark outlives the loop's last pop (a BZPOPMIN blocks `blockSeconds`). */
export declare function readerTtlMs(blockSeconds: number): number;

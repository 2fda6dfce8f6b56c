// Lua for RedisPresenceStore. Every script reads Redis's own clock (TIME), so processes with
// skewed clocks agree on who is alive. A group's keys share the hash tag `{<group>}` (one slot);
// the keys of one process's entries in a group are KEYS[1] .. ":" .. <process id>.

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS: group zset, this process's hash. ARGV: process, timeoutMs, gcMs, ref, entry, replaced ref or "". */
export const PRESENCE_PUT = `${NOW}
if ARGV[6] ~= '' then redis.call('HDEL', KEYS[2], ARGV[6]) end
redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/** KEYS: group zset, this process's hash. ARGV: process, refs... Returns 0 once the process has none left there. */
export const PRESENCE_REMOVE = `redis.call('HDEL', KEYS[2], unpack(ARGV, 2))
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 0
end
return 1`;

/** KEYS: group zset. The entries of every live process, one array per process. */
export const PRESENCE_LIST = `${NOW}
local out = {}
for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')) do
  out[#out + 1] = redis.call('HVALS', KEYS[1] .. ':' .. node)
end
return out`;

/** KEYS: group zset. How many entries live processes hold. */
export const PRESENCE_COUNT = `${NOW}
local n = 0
for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')) do
  n = n + redis.call('HLEN', KEYS[1] .. ':' .. node)
end
return n`;

/**
 * KEYS: a zset where the process is alive (a group's, or the process list), a key to keep
 * (its hash in the group, or its list of groups). ARGV: process, timeoutMs, gcMs.
 * Returns whether the kept key still exists (0: someone took this process for dead and reaped it).
 */
export const PRESENCE_BEAT = `${NOW}
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('PEXPIRE', KEYS[2], ARGV[3])`;

/** KEYS: the process list. ARGV: at most this many. Removes and returns processes whose deadline passed: each is claimed once. */
export const PRESENCE_CLAIM_DEAD = `${NOW}
local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. now, 'LIMIT', 0, tonumber(ARGV[1]))
for _, node in ipairs(dead) do redis.call('ZREM', KEYS[1], node) end
return dead`;

/** KEYS: group zset, the dead process's hash there. ARGV: process. Removes and returns its entries. */
export const PRESENCE_REAP = `local entries = redis.call('HVALS', KEYS[2])
redis.call('DEL', KEYS[2])
redis.call('ZREM', KEYS[1], ARGV[1])
return entries`;

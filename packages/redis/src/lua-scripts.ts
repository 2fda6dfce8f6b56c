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
export const GROUP_SEND_CAPPED = `
local over_capacity = 0
local current_time = ARGV[#ARGV - 1]
local expiry = ARGV[#ARGV]
for i=1,#KEYS do
    local capacity = tonumber(ARGV[i + #KEYS])
    local count = redis.call('ZCOUNT', KEYS[i], '-inf', '+inf')
    if count < capacity or (count < capacity * 20 and redis.call('EXISTS', KEYS[i] .. '$reader') == 1) then
        redis.call('ZADD', KEYS[i], current_time, ARGV[i])
        redis.call('EXPIRE', KEYS[i], expiry)
    else
        over_capacity = over_capacity + 1
    end
end
return over_capacity
`;

/** channels_redis `_brpop_with_clean`: put messages left in the in-flight set back in the queue. */
export const RESTORE_INFLIGHT = `
local backed_up = redis.call('ZRANGE', ARGV[2], 0, -1, 'WITHSCORES')
for i = #backed_up, 1, -2 do
    redis.call('ZADD', ARGV[1], backed_up[i], backed_up[i - 1])
end
redis.call('DEL', ARGV[2])
`;

/**
 * Lua that counts, per channel, the messages waiting in one process queue. channels_redis
 * checks capacity per queue (all channels of a process share one), so one full channel would
 * make a group send skip every other channel of that process. Only when the queue holds
 * `capacity` messages or more (never in a healthy process) are the waiting messages read:
 * `__asgi_channel__` is the last map entry every writer adds, so it is found by its msgpack
 * bytes and its string or list of strings decoded; a message without it (a normal channel's,
 * or an encrypted one) counts against every channel. A queue holding 4 x capacity or more is
 * full for every channel without being read, so one script call never scans an unbounded queue.
 * None of this happens while the process reads its queue (its receive loop keeps the key
 * `<queue>$reader` alive, see READER_KEY_SUFFIX): then a queue holds up to 20 x capacity unscanned,
 * because a burst of group sends lands faster than any reader's round trip and the reader itself
 * bounds each channel.
 */
const CHANNEL_COUNTS = `
-- A queue this far over capacity counts as full for every channel, unscanned: the scan is O(queue).
local SCAN_LIMIT_FACTOR = 4
-- While the queue's process is popping it (it renews '<queue>$reader'), a burst may queue up this
-- many times capacity, unscanned: the reader drains it within a round trip and enforces each
-- channel's capacity in its local mailboxes, where what it drops is counted and reported.
local LIVE_QUEUE_FACTOR = 20
local function reader_live(key)
    return redis.call('EXISTS', key .. '$reader') == 1
end
local function read_len(s, p, b, fix_lo, fix_hi, one, two, four)
    if b >= fix_lo and b <= fix_hi then return b - fix_lo, p + 1 end
    if one and b == one then return string.byte(s, p + 1), p + 2 end
    if b == two then local x, y = string.byte(s, p + 1, p + 2); return x * 256 + y, p + 3 end
    if b == four then local w, x, y, z = string.byte(s, p + 1, p + 4); return ((w * 256 + x) * 256 + y) * 256 + z, p + 5 end
    return nil, p
end
local function read_str(s, p)
    local n, q = read_len(s, p, string.byte(s, p), 0xa0, 0xbf, 0xd9, 0xda, 0xdb)
    if not n then return nil, p end
    return string.sub(s, q, q + n - 1), q + n
end
local marker = string.char(0xb0) .. '__asgi_channel__'
local function targets(member)
    local at, from = nil, 1
    while true do
        local found = string.find(member, marker, from, true)
        if not found then break end
        at, from = found, found + 1
    end
    if not at then return nil end
    local p = at + #marker
    local name = read_str(member, p)
    if name then return { name } end
    local n, q = read_len(member, p, string.byte(member, p), 0x90, 0x9f, nil, 0xdc, 0xdd)
    if not n then return nil end
    local names = {}
    for i = 1, n do
        names[i], q = read_str(member, q)
        if not names[i] then return nil end
    end
    return names
end
local function channel_counts(key)
    local counts, shared = {}, 0
    for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
        local names = targets(member)
        if names then
            for _, name in ipairs(names) do counts[name] = (counts[name] or 0) + 1 end
        else
            shared = shared + 1
        end
    end
    return counts, shared
end
`;

/**
 * One `send`: Python's ZREMRANGEBYSCORE, ZCOUNT, ZADD and EXPIRE in one atomic call, with the
 * capacity counted for the channel itself (see CHANNEL_COUNTS) when ARGV[6] names it.
 * KEYS[1] = channel key; ARGV = expired-before score, capacity, now, member, expiry seconds,
 * channel name or "". Returns {1 when the channel is full (nothing written) else 0, messages
 * removed as expired}.
 */
export const SEND =
  CHANNEL_COUNTS +
  `
local expired = redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, ARGV[1])
local capacity = tonumber(ARGV[2])
local card = redis.call('ZCARD', KEYS[1])
if card >= capacity then
    if reader_live(KEYS[1]) then
        if card >= capacity * LIVE_QUEUE_FACTOR then return { 1, expired } end
    else
        if ARGV[6] == '' or card >= capacity * SCAN_LIMIT_FACTOR then return { 1, expired } end
        local counts, shared = channel_counts(KEYS[1])
        if (counts[ARGV[6]] or 0) + shared >= capacity then return { 1, expired } end
    end
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return { 0, expired }
`;

/**
 * Whole group sends on one host (each group lives there, nothing is encrypted, every channel has
 * the default capacity), in the order given: per message, Python's steps (expire members, list
 * them, bucket them by channel key, expire old messages, capacity-checked ZADD + EXPIRE), skipping
 * full channels one by one. The member written per key is 12 random bytes, the message's msgpack
 * map with one extra entry, and that entry's value, the `__asgi_channel__` list, which is built
 * here because only here are the names known.
 *
 * This script is Redis's busiest work under fan-out, so a call takes every group send a process
 * makes in one tick (a group's members are listed and bucketed once per call, which is what
 * separate calls would read too, since nothing runs between them), the per-member loop creates no
 * string in the common case, and each queue's member is built by a single concat (a long string
 * is the dearest allocation in Redis's Lua).
 *
 * KEYS = the group key of each message. ARGV = layer prefix, member-expired-before score,
 * message-expired-before score, capacity, expiry seconds, then per message its start (12 random
 * bytes and its msgpack map up to and including the `__asgi_channel__` key) and its score. Returns, per message,
 * members, channels skipped as full, messages removed as expired; or -1, Redis's error and 0 for a
 * message whose send raised (what it wrote before the error stays, as with a failed Python call).
 */
export const GROUP_SEND_ALL =
  CHANNEL_COUNTS +
  `
local prefix, member_cutoff, message_cutoff = ARGV[1], ARGV[2], ARGV[3]
local capacity, expiry = tonumber(ARGV[4]), ARGV[5]
local find, sub, char, concat = string.find, string.sub, string.char, table.concat
local function header(n, small, fix, one, two, four)
    if n < small then return char(fix + n) end
    if one and n < 256 then return char(one, n) end
    if n < 65536 then return char(two, math.floor(n / 256), n % 256) end
    return char(four, math.floor(n / 16777216) % 256, math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
end
-- A group's members bucketed by their process queue (the name up to '!'): { count = members,
-- order = { nonlocal... } in listing order, buckets = { [nonlocal] = { names..., length } } }.
-- bucket.length is the length every name in it has, or false once two differ.
local function bucketed(group_key)
    redis.call('ZREMRANGEBYSCORE', group_key, 0, member_cutoff)
    local members = redis.call('ZRANGE', group_key, 0, -1)
    local order, buckets = {}, {}
    -- The last two queues' prefixes are tried first (members of two processes often alternate):
    -- a prefix match costs one search and no new string.
    local nb, pa, ba, pb, bb = 0, nil, nil, nil, nil
    for i = 1, #members do
        local name = members[i]
        local bucket
        if pa and find(name, pa, 1, true) == 1 then
            bucket = ba
        elseif pb and find(name, pb, 1, true) == 1 then
            bucket = bb
            pa, ba, pb, bb = pb, bb, pa, ba
        else
            local bang = find(name, '!', 1, true)
            local nonlocal = bang and sub(name, 1, bang) or name
            bucket = buckets[nonlocal]
            if not bucket then
                bucket = { length = #name }
                buckets[nonlocal] = bucket
                nb = nb + 1
                order[nb] = nonlocal
            end
            if bang then pa, ba, pb, bb = nonlocal, bucket, pa, ba end
        end
        bucket[#bucket + 1] = name
        if bucket.length ~= #name then bucket.length = false end
    end
    return { count = #members, order = order, buckets = buckets }
end
local groups = {}
local function send_one(m)
    local head, now = ARGV[2 * m + 4], ARGV[2 * m + 5]
    local group = groups[KEYS[m]]
    if not group then
        group = bucketed(KEYS[m])
        groups[KEYS[m]] = group
    end
    local over, expired = 0, 0
    for _, nonlocal in ipairs(group.order) do
        local key = prefix .. nonlocal
        expired = expired + redis.call('ZREMRANGEBYSCORE', key, 0, message_cutoff)
        local names = group.buckets[nonlocal]
        local card = redis.call('ZCARD', key)
        local uniform = names.length
        if card < capacity then
            -- room for everyone
        elseif reader_live(key) then
            if card >= capacity * LIVE_QUEUE_FACTOR then
                over = over + #names
                names = {}
            end
        elseif card >= capacity * SCAN_LIMIT_FACTOR then
            over = over + #names
            names = {}
        else
            local counts, shared = channel_counts(key)
            local open = {}
            for _, name in ipairs(names) do
                if (counts[name] or 0) + shared < capacity then open[#open + 1] = name end
            end
            over = over + #names - #open
            names = open
        end
        local n = #names
        if n > 0 then
            local start = head .. header(n, 16, 0x90, nil, 0xdc, 0xdd)
            local member
            if uniform then
                -- Every name has one length, so one msgpack str header goes before each (index 0
                -- holds the start, outside the names' sequence).
                names[0] = start
                member = concat(names, header(uniform, 32, 0xa0, 0xd9, 0xda, 0xdb), 0, n)
            else
                local parts = { start }
                for i = 1, n do
                    local name = names[i]
                    parts[2 * i] = header(#name, 32, 0xa0, 0xd9, 0xda, 0xdb)
                    parts[2 * i + 1] = name
                end
                member = concat(parts)
            end
            redis.call('ZADD', key, now, member)
            redis.call('EXPIRE', key, expiry)
        end
    end
    return group.count, over, expired
end
-- One send Redis refuses (WRONGTYPE on a key someone else wrote) fails alone, not the whole batch.
local results = {}
for m = 1, #KEYS do
    local ok, count, over, expired = pcall(send_one, m)
    if ok then
        results[3 * m - 2], results[3 * m - 1], results[3 * m] = count, over, expired
    else
        local reason = type(count) == 'table' and (count.err or count.message) or tostring(count)
        results[3 * m - 2], results[3 * m - 1], results[3 * m] = -1, tostring(reason), 0
    end
end
return results
`;

/** channels_redis `flush`: delete every key under the prefix, in chunks Lua's unpack can take. */
export const DELETE_PREFIX = `
local keys = redis.call('keys', ARGV[1])
for i=1,#keys,5000 do
    redis.call('del', unpack(keys, i, math.min(i+4999, #keys)))
end
`;

/**
 * Appended to a process queue's key: a key its receive loop renews with every pop (expiring
 * shortly after the loop stops), telling writers that the queue is being drained.
 */
export const READER_KEY_SUFFIX = "$reader";

/** How long that mark outlives the loop's last pop (a BZPOPMIN blocks `blockSeconds`). */
export function readerTtlMs(blockSeconds: number): number {
  return Math.ceil(blockSeconds * 1000) + 2000;
}

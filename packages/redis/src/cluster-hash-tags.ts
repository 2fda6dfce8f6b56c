/** Hash slots of a Redis Cluster: a key (or shard channel) lives on the master owning its slot. */
export const CLUSTER_SLOTS = 16_384;

const CRC_TABLE = Uint16Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/** CRC16-CCITT (XMODEM), the checksum Redis Cluster takes of a key, modulo 16384, for its slot. */
export function crc16(text: string): number {
  let crc = 0;
  for (let i = 0; i < text.length; i++)
    crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >> 8) ^ text.charCodeAt(i)) & 0xff] as number);
  return crc;
}

/**
 * The slot Redis gives `key`, as CLUSTER KEYSLOT does: the CRC16 of the text between the first
 * `{` and the next `}` if that is not empty, of the whole key otherwise. Names here are ASCII
 * (channel and group names are), so a character is a byte.
 */
export function keySlot(key: string): number {
  const open = key.indexOf("{");
  if (open !== -1) {
    const close = key.indexOf("}", open + 1);
    if (close > open + 1) return crc16(key.slice(open + 1, close)) % CLUSTER_SLOTS;
  }
  return crc16(key) % CLUSTER_SLOTS;
}

let table: string[] | undefined;

/**
 * The shortest base-36 tag of every slot: `tagOfSlot(s)` hashes to slot `s`. Built once (about
 * 200,000 CRC16s of 1 to 4 characters, a few ms), so that a name can be put on the slot the
 * layer picks for it instead of wherever its text happens to hash, and every slot has a tag:
 * names spread over all 16384 slots, and so over every master, however the slots are divided.
 */
export function tagOfSlot(slot: number): string {
  if (table === undefined) {
    const tags = new Array<string>(CLUSTER_SLOTS);
    let found = 0;
    for (let n = 0; found < CLUSTER_SLOTS; n++) {
      const tag = n.toString(36);
      const slotOfTag = crc16(tag) % CLUSTER_SLOTS;
      if (tags[slotOfTag] === undefined) {
        tags[slotOfTag] = tag;
        found++;
      }
    }
    table = tags;
  }
  return table[((slot % CLUSTER_SLOTS) + CLUSTER_SLOTS) % CLUSTER_SLOTS] as string;
}

/** `name` on `slot`: the hash tag comes first, so nothing in the name (a `{` in a prefix) can move it. */
export function onSlot(slot: number, name: string): string {
  return `{${tagOfSlot(slot)}}${name}`;
}

/** The shard channel of a group or named channel: on the slot of its own name's CRC16, even over all slots. */
export function spreadName(name: string): string {
  return onSlot(crc16(name) % CLUSTER_SLOTS, name);
}

/**
 * The `count` inbox slots of a process, `CLUSTER_SLOTS / count` apart from a start of its own:
 * evenly spaced, so that a process's inboxes fall on every master of a cluster whose masters own
 * contiguous ranges of slots (as `redis-cli --cluster create` makes them), and processes start
 * at different slots, so that many processes do not share the same few.
 */
export function inboxSlots(clientPrefix: string, count: number): number[] {
  const start = crc16(clientPrefix) % CLUSTER_SLOTS;
  return Array.from({ length: count }, (_, i) => (start + Math.floor((i * CLUSTER_SLOTS) / count)) % CLUSTER_SLOTS);
}

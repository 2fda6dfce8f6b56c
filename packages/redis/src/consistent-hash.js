"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.crc32 = crc32;
exports.consistentHash = consistentHash;
/**
 * channels_redis's `_consistent_hash`: `int((crc32(utf8) & 0xFFF) / (4096 / n))`. Several hosts
 * must pick the same shard as Python for every group and channel key, so the formula is copied
 * exactly, float division included.
 */
const CRC_TABLE = buildCrcTable();
function buildCrcTable() {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
}
/** zlib's CRC-32 of the UTF-8 bytes of `value` (unsigned), as Python's `binascii.crc32`. */
function crc32(value) {
    const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
    let crc = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) {
        crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
}
/** The shard index (0..ringSize-1) Python's channels_redis picks for `value`. */
function consistentHash(value, ringSize) {
    if (ringSize === 1)
        return 0;
    return Math.floor((crc32(value) & 0xfff) / (4096 / ringSize));
}
//# sourceMappingURL=consistent-hash.js.map
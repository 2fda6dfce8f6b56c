/** zlib's CRC-32 of the UTF-8 bytes of `value` (unsigned), as Python's `binascii.crc32`. */
export declare function crc32(value: string | Uint8Array): number;
/** The shard index (0..ringSize-1) Python's channels_redis picks for `value`. */
export declare function consistentHash(value: string, ringSize: number): number;

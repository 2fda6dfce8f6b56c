/** channels_redis puts 12 random bytes before every payload so identical messages stay distinct ZSET members. */
export declare const RANDOM_PREFIX_LENGTH = 12;
/** Write 12 random bytes at `target[at]`; random bytes come from a pool so a send costs no syscall. */
export declare function writeRandomPrefix(target: Uint8Array, at?: number): void;

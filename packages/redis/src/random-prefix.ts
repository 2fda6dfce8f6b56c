import { randomFillSync } from "node:crypto";

/** channels_redis puts 12 random bytes before every payload so identical messages stay distinct ZSET members. */
export const RANDOM_PREFIX_LENGTH = 12;

const POOL_SIZE = RANDOM_PREFIX_LENGTH * 512;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** Write 12 random bytes at `target[at]`; random bytes come from a pool so a send costs no syscall. */
export function writeRandomPrefix(target: Uint8Array, at = 0): void {
  if (offset === POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  target.set(pool.subarray(offset, offset + RANDOM_PREFIX_LENGTH), at);
  offset += RANDOM_PREFIX_LENGTH;
}

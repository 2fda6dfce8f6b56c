"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RANDOM_PREFIX_LENGTH = void 0;
exports.writeRandomPrefix = writeRandomPrefix;
const node_crypto_1 = require("node:crypto");
/** channels_redis puts 12 random bytes before every payload so identical messages stay distinct ZSET members. */
exports.RANDOM_PREFIX_LENGTH = 12;
const POOL_SIZE = exports.RANDOM_PREFIX_LENGTH * 512;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;
/** Write 12 random bytes at `target[at]`; random bytes come from a pool so a send costs no syscall. */
function writeRandomPrefix(target, at = 0) {
    if (offset === POOL_SIZE) {
        (0, node_crypto_1.randomFillSync)(pool);
        offset = 0;
    }
    target.set(pool.subarray(offset, offset + exports.RANDOM_PREFIX_LENGTH), at);
    offset += exports.RANDOM_PREFIX_LENGTH;
}
//# sourceMappingURL=random-prefix.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const consistent_hash_1 = require("../src/consistent-hash");
// Expected values from Python: zlib.crc32(v.encode()) and channels_redis.utils._consistent_hash(v, n).
const PYTHON = [
    ["room1", 3832756778, [0, 1, 1, 3]],
    ["asgi:group:room1", 1966797540, [0, 0, 0, 0]],
    ["specific.4fda0c2b1e6a4b7c9d0e1f2a3b4c5d6e!", 1528884858, [0, 1, 2, 4]],
    ["chat", 1704850090, [0, 0, 0, 0]],
    ["", 0, [0, 0, 0, 0]],
    ["héllo", 2654700086, [0, 0, 0, 0]],
    ["group.x", 3543935391, [0, 1, 1, 3]],
];
describe("consistentHash shards as channels_redis does", () => {
    it.each(PYTHON)("%j: crc32 and shard for 1, 2, 3 and 5 hosts match Python", (value, crc, shards) => {
        expect((0, consistent_hash_1.crc32)(value)).toBe(crc);
        expect([1, 2, 3, 5].map((n) => (0, consistent_hash_1.consistentHash)(value, n))).toEqual(shards);
    });
});
//# sourceMappingURL=consistent-hash.test.js.map
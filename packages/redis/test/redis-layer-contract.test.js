"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layer_kit_1 = require("@channels-ts/core/layer-kit");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer (real redis-server)", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    (0, layer_kit_1.runChannelLayerContract)({
        name: "RedisChannelLayer",
        newLayer: (options) => new redis_1.RedisChannelLayer({ ...options, hosts: [server.url] }),
    });
});
//# sourceMappingURL=redis-layer-contract.test.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layer_kit_1 = require("@channels-ts/core/layer-kit");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
// The contract again with the receiveInto fast path checked, and with group sends that wait for
// Redis's reply (the plain contract suite runs the default, pipelined ones).
(0, test_fixtures_1.describeWithRedis)("RedisChannelLayer with group sends awaiting Redis (real redis-server)", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    (0, layer_kit_1.runChannelLayerContract)({
        name: "RedisChannelLayer (pipelineGroupSends: false)",
        newLayer: (options) => new redis_1.RedisChannelLayer({
            ...options,
            hosts: [server.url],
            pipelineGroupSends: false,
            logger: { warn: () => undefined },
        }),
        fastPaths: ["receiveInto"],
    });
});
//# sourceMappingURL=redis-layer-fast-paths-contract.test.js.map
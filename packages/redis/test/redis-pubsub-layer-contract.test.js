"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layer_kit_1 = require("@channels-ts/core/layer-kit");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
(0, test_fixtures_1.describeWithRedis)("RedisPubSubChannelLayer (real redis-server)", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    // Pub/sub stores nothing: the contract skips its capacity, expiry and stored-message tests.
    (0, layer_kit_1.runChannelLayerContract)({
        name: "RedisPubSubChannelLayer",
        newLayer: (options) => new redis_1.RedisPubSubChannelLayer({ capacity: options?.capacity, hosts: [server.url] }),
        transport: "pubsub",
        fastPaths: ["receiveInto"],
    });
});
//# sourceMappingURL=redis-pubsub-layer-contract.test.js.map
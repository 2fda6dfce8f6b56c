"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const sentinel_1 = require("../redis/sentinel");
(0, test_fixtures_1.describeWithSentinel)("docs/channel-layers.md: the Sentinel example", () => {
    const set = (0, test_fixtures_1.useRedisSentinel)();
    it("configures both layers through the Sentinel and round-trips a message through each", async () => {
        const { queue, pubsub } = (0, sentinel_1.configureSentinelLayers)(set.sentinelPort);
        try {
            expect(core_1.channelLayers.get("default")).toBe(queue);
            expect(core_1.channelLayers.get("pubsub")).toBe(pubsub);
            await expect((0, sentinel_1.roundTrip)(queue)).resolves.toBe("through Sentinel");
            await expect((0, sentinel_1.roundTrip)(pubsub)).resolves.toBe("through Sentinel");
        }
        finally {
            core_1.channelLayers.configure({});
            await Promise.all([queue.close(), pubsub.close()]);
        }
    });
});
//# sourceMappingURL=redis-sentinel-example.test.js.map
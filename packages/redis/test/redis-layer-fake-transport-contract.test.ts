import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisChannelLayer } from "@channels-ts/redis";
import { FakeQueueStore } from "../src/testing/fake-queue-store";

// The layer's contract without a redis-server: its queues and groups in an in-process store.
describe.each([
  ["pipelined group sends", true],
  ["group sends awaiting the store", false],
])("RedisChannelLayer on a fake store (%s)", (_name, pipelineGroupSends) => {
  let store = new FakeQueueStore();
  beforeEach(() => {
    store = new FakeQueueStore();
  });

  runChannelLayerContract({
    name: `RedisChannelLayer (fake store, pipelineGroupSends: ${String(pipelineGroupSends)})`,
    newLayer: (options) =>
      new RedisChannelLayer({ ...options, pipelineGroupSends, logger: { warn: () => undefined } }, store.transport),
    fastPaths: ["receiveInto"],
  });
});

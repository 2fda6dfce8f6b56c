import { runChannelLayerContract } from "@channels-ts/core/layer-kit";
import { RedisPubSubChannelLayer } from "@channels-ts/redis";
import { FakePubSubBus, type OwnListening } from "../src/testing/fake-pubsub-bus";

// The layer's contract without a redis-server: on the in-process bus, with own channels listened
// to by one pattern (as on Redis) and by one subscription each (as on Redis Cluster's sharded pub/sub).
describe.each<OwnListening>(["pattern", "per-channel"])("RedisPubSubChannelLayer on a fake bus (%s)", (mode) => {
  let bus = new FakePubSubBus(mode);
  beforeEach(() => {
    bus = new FakePubSubBus(mode);
  });

  runChannelLayerContract({
    name: `RedisPubSubChannelLayer (fake bus, ${mode})`,
    newLayer: (options) => new RedisPubSubChannelLayer({ capacity: options?.capacity, transport: bus.transport }),
    transport: "pubsub",
    fastPaths: ["receiveInto"],
  });
});

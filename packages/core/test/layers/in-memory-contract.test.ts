import { InMemoryChannelLayer } from "../../src/layers";
import { runChannelLayerContract } from "../../src/layers/layer-contract";

runChannelLayerContract({
  name: "InMemoryChannelLayer",
  newLayer: (options) => new InMemoryChannelLayer(options),
  transport: "queue",
  fastPaths: ["receiveInto"],
});

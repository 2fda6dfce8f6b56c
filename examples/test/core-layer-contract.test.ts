import { InMemoryChannelLayer } from "@channels-ts/core";
import { runChannelLayerContract } from "@channels-ts/core/layer-kit";

// The contract every layer runs, in a Jest test file (it uses Jest's describe / it / expect).
runChannelLayerContract({
  name: "InMemoryChannelLayer",
  newLayer: (options) => new InMemoryChannelLayer(options),
});

export type { ChannelLayer, ChannelLayerOptions, LayerReceiver, LayerStats, ReceiveOptions } from "./channel-layer";
export { validateChannelName, validateGroupName, validateChannelPrefix, MAX_NAME_LENGTH } from "./validate-names";
export { validateMessage } from "./validate-message";
export { globToRegExp } from "./glob-pattern";
export { ChannelCapacities, requireCapacity } from "./channel-capacity";
export { LAYER_DEFAULTS, resolveLayerOptions, type ResolvedLayerOptions } from "./layer-options";
export { ChannelReceiveAborted, ChannelLayerClosed, InvalidLayerOption } from "./layer-errors";
export { InMemoryChannelLayer } from "./in-memory-channel-layer";
export {
  ChannelLayerRegistry,
  InvalidChannelLayerConfig,
  channelLayers,
  getChannelLayer,
  DEFAULT_CHANNEL_LAYER,
  type ChannelLayerConfig,
} from "./channel-layer-registry";
// layer-contract.ts is deliberately not exported here: it needs Jest's globals. Layer authors import it,
// with the rest of the layer kit, from "@channels-ts/core/layer-kit" (src/layer-kit.ts).

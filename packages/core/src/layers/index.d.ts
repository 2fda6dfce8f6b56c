export type { ChannelLayer, ChannelLayerOptions, LayerReceiver, ReceiveOptions } from "./channel-layer";
export { validateChannelName, validateGroupName, validateChannelPrefix, MAX_NAME_LENGTH } from "./validate-names";
export { validateMessage } from "./validate-message";
export { globToRegExp } from "./glob-pattern";
export { ChannelCapacities, requireCapacity } from "./channel-capacity";
export { LAYER_DEFAULTS, resolveLayerOptions, type ResolvedLayerOptions } from "./layer-options";
export { ChannelReceiveAborted, ChannelLayerClosed, InvalidLayerOption } from "./layer-errors";
export { InMemoryChannelLayer } from "./in-memory-channel-layer";
export { ChannelLayerRegistry, InvalidChannelLayerConfig, channelLayers, getChannelLayer, DEFAULT_CHANNEL_LAYER, type ChannelLayerConfig, } from "./channel-layer-registry";

/**
 * `@channels-ts/core/layer-kit`: what only the author of a channel layer needs, kept off the main
 * entry point so that an application's autocompletion shows the layer API, not its building
 * blocks. `@channels-ts/redis` is built from these and nothing else of core's internals.
 *
 * `runChannelLayerContract` uses Jest's globals (`describe`, `it`, `expect`): call it only from a
 * Jest test file. Importing this module elsewhere is harmless; nothing runs until it is called.
 */
export { LAYER_DEFAULTS, resolveLayerOptions, type ResolvedLayerOptions } from "./layers/layer-options";
export { ChannelCapacities, requireCapacity } from "./layers/channel-capacity";
export {
  MAX_NAME_LENGTH,
  validateChannelName,
  validateChannelPrefix,
  validateGroupName,
} from "./layers/validate-names";
export { validateMessage } from "./layers/validate-message";
export { runChannelLayerContract, type ChannelLayerContractOptions } from "./layers/layer-contract";
export { runPresenceStoreContract, type PresenceStoreContractOptions } from "./presence/presence-store-contract";

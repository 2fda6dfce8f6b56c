"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runChannelLayerContract = exports.validateMessage = exports.validateGroupName = exports.validateChannelPrefix = exports.validateChannelName = exports.MAX_NAME_LENGTH = exports.requireCapacity = exports.ChannelCapacities = exports.resolveLayerOptions = exports.LAYER_DEFAULTS = void 0;
/**
 * `@channels-ts/core/layer-kit`: what only the author of a channel layer needs, kept off the main
 * entry point so that an application's autocompletion shows the layer API, not its building
 * blocks. `@channels-ts/redis` is built from these and nothing else of core's internals.
 *
 * `runChannelLayerContract` uses Jest's globals (`describe`, `it`, `expect`): call it only from a
 * Jest test file. Importing this module elsewhere is harmless; nothing runs until it is called.
 */
var layer_options_1 = require("./layers/layer-options");
Object.defineProperty(exports, "LAYER_DEFAULTS", { enumerable: true, get: function () { return layer_options_1.LAYER_DEFAULTS; } });
Object.defineProperty(exports, "resolveLayerOptions", { enumerable: true, get: function () { return layer_options_1.resolveLayerOptions; } });
var channel_capacity_1 = require("./layers/channel-capacity");
Object.defineProperty(exports, "ChannelCapacities", { enumerable: true, get: function () { return channel_capacity_1.ChannelCapacities; } });
Object.defineProperty(exports, "requireCapacity", { enumerable: true, get: function () { return channel_capacity_1.requireCapacity; } });
var validate_names_1 = require("./layers/validate-names");
Object.defineProperty(exports, "MAX_NAME_LENGTH", { enumerable: true, get: function () { return validate_names_1.MAX_NAME_LENGTH; } });
Object.defineProperty(exports, "validateChannelName", { enumerable: true, get: function () { return validate_names_1.validateChannelName; } });
Object.defineProperty(exports, "validateChannelPrefix", { enumerable: true, get: function () { return validate_names_1.validateChannelPrefix; } });
Object.defineProperty(exports, "validateGroupName", { enumerable: true, get: function () { return validate_names_1.validateGroupName; } });
var validate_message_1 = require("./layers/validate-message");
Object.defineProperty(exports, "validateMessage", { enumerable: true, get: function () { return validate_message_1.validateMessage; } });
var layer_contract_1 = require("./layers/layer-contract");
Object.defineProperty(exports, "runChannelLayerContract", { enumerable: true, get: function () { return layer_contract_1.runChannelLayerContract; } });
//# sourceMappingURL=layer-kit.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CHANNEL_LAYER = exports.getChannelLayer = exports.channelLayers = exports.InvalidChannelLayerConfig = exports.ChannelLayerRegistry = exports.InMemoryChannelLayer = exports.InvalidLayerOption = exports.ChannelLayerClosed = exports.ChannelReceiveAborted = exports.resolveLayerOptions = exports.LAYER_DEFAULTS = exports.requireCapacity = exports.ChannelCapacities = exports.globToRegExp = exports.validateMessage = exports.MAX_NAME_LENGTH = exports.validateChannelPrefix = exports.validateGroupName = exports.validateChannelName = void 0;
var validate_names_1 = require("./validate-names");
Object.defineProperty(exports, "validateChannelName", { enumerable: true, get: function () { return validate_names_1.validateChannelName; } });
Object.defineProperty(exports, "validateGroupName", { enumerable: true, get: function () { return validate_names_1.validateGroupName; } });
Object.defineProperty(exports, "validateChannelPrefix", { enumerable: true, get: function () { return validate_names_1.validateChannelPrefix; } });
Object.defineProperty(exports, "MAX_NAME_LENGTH", { enumerable: true, get: function () { return validate_names_1.MAX_NAME_LENGTH; } });
var validate_message_1 = require("./validate-message");
Object.defineProperty(exports, "validateMessage", { enumerable: true, get: function () { return validate_message_1.validateMessage; } });
var glob_pattern_1 = require("./glob-pattern");
Object.defineProperty(exports, "globToRegExp", { enumerable: true, get: function () { return glob_pattern_1.globToRegExp; } });
var channel_capacity_1 = require("./channel-capacity");
Object.defineProperty(exports, "ChannelCapacities", { enumerable: true, get: function () { return channel_capacity_1.ChannelCapacities; } });
Object.defineProperty(exports, "requireCapacity", { enumerable: true, get: function () { return channel_capacity_1.requireCapacity; } });
var layer_options_1 = require("./layer-options");
Object.defineProperty(exports, "LAYER_DEFAULTS", { enumerable: true, get: function () { return layer_options_1.LAYER_DEFAULTS; } });
Object.defineProperty(exports, "resolveLayerOptions", { enumerable: true, get: function () { return layer_options_1.resolveLayerOptions; } });
var layer_errors_1 = require("./layer-errors");
Object.defineProperty(exports, "ChannelReceiveAborted", { enumerable: true, get: function () { return layer_errors_1.ChannelReceiveAborted; } });
Object.defineProperty(exports, "ChannelLayerClosed", { enumerable: true, get: function () { return layer_errors_1.ChannelLayerClosed; } });
Object.defineProperty(exports, "InvalidLayerOption", { enumerable: true, get: function () { return layer_errors_1.InvalidLayerOption; } });
var in_memory_channel_layer_1 = require("./in-memory-channel-layer");
Object.defineProperty(exports, "InMemoryChannelLayer", { enumerable: true, get: function () { return in_memory_channel_layer_1.InMemoryChannelLayer; } });
var channel_layer_registry_1 = require("./channel-layer-registry");
Object.defineProperty(exports, "ChannelLayerRegistry", { enumerable: true, get: function () { return channel_layer_registry_1.ChannelLayerRegistry; } });
Object.defineProperty(exports, "InvalidChannelLayerConfig", { enumerable: true, get: function () { return channel_layer_registry_1.InvalidChannelLayerConfig; } });
Object.defineProperty(exports, "channelLayers", { enumerable: true, get: function () { return channel_layer_registry_1.channelLayers; } });
Object.defineProperty(exports, "getChannelLayer", { enumerable: true, get: function () { return channel_layer_registry_1.getChannelLayer; } });
Object.defineProperty(exports, "DEFAULT_CHANNEL_LAYER", { enumerable: true, get: function () { return channel_layer_registry_1.DEFAULT_CHANNEL_LAYER; } });
// layer-contract.ts is deliberately not exported here: it needs Jest's globals. Layer authors import it,
// with the rest of the layer kit, from "@channels-ts/core/layer-kit" (src/layer-kit.ts).
//# sourceMappingURL=index.js.map
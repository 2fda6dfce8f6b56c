"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layer_kit_1 = require("@channels-ts/core/layer-kit");
// #region resolve-options
// A layer's constructor: the options every layer shares, checked over Channels' defaults.
const options = (0, layer_kit_1.resolveLayerOptions)({ expiry: 30, channelCapacity: [["http.response!*", 10]] });
console.log(options.expiryMs, options.groupExpiryMs); // 30000 86400000
console.log(options.capacities.get("http.response!abc"), options.capacities.get("chat")); // 10 100
// #endregion resolve-options
// #region validate
// Each send / groupSend: names and the message checked once, with Channels' rules.
try {
    (0, layer_kit_1.validateGroupName)("room 1");
}
catch (err) {
    console.log(err.name); // TypeError
}
(0, layer_kit_1.validateMessage)({ type: "chat.message", text: "hi" });
// #endregion validate
//# sourceMappingURL=layer-kit.js.map
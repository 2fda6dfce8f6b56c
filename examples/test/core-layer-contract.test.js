"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const layer_kit_1 = require("@channels-ts/core/layer-kit");
// The contract every layer runs, in a Jest test file (it uses Jest's describe / it / expect).
(0, layer_kit_1.runChannelLayerContract)({
    name: "InMemoryChannelLayer",
    newLayer: (options) => new core_1.InMemoryChannelLayer(options),
});
//# sourceMappingURL=core-layer-contract.test.js.map
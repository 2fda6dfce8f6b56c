"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const layers_1 = require("../../src/layers");
const layer_contract_1 = require("../../src/layers/layer-contract");
(0, layer_contract_1.runChannelLayerContract)({
    name: "InMemoryChannelLayer",
    newLayer: (options) => new layers_1.InMemoryChannelLayer(options),
    transport: "queue",
    fastPaths: ["receiveInto"],
});
//# sourceMappingURL=in-memory-contract.test.js.map
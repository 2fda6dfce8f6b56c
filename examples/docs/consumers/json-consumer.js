"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Calculator = void 0;
const core_1 = require("@channels-ts/core");
// #region json
class Calculator extends core_1.JsonWebsocketConsumer {
    async receiveJson(content) {
        const { a, b } = content;
        await this.sendJson({ sum: a + b });
    }
}
exports.Calculator = Calculator;
// #endregion json
//# sourceMappingURL=json-consumer.js.map
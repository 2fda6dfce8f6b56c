"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=layer-events.js.map
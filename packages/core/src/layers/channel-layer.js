"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=channel-layer.js.map
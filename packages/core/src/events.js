"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=events.js.map
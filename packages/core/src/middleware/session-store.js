"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=session-store.js.map
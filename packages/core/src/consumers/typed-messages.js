"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=typed-messages.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nextHostEvent = nextHostEvent;
/** The next `down` or `up` event of `layer`. */
function nextHostEvent(layer, event) {
    return new Promise((resolve) => layer.once(event, resolve));
}
//# sourceMappingURL=host-events.js.map
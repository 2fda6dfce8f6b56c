"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deferred = deferred;
/** A promise with its resolver outside, to let a test and an application wait on each other. */
function deferred() {
    let resolve;
    const promise = new Promise((r) => (resolve = r));
    return { promise, resolve };
}
//# sourceMappingURL=deferred.js.map
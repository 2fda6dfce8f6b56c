"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.warnSkipped = warnSkipped;
/**
 * Says loudly that a suite is skipped and why. Jest prints no console output for a file whose
 * tests are all skipped, so the warning also goes straight to stderr.
 */
function warnSkipped(suite, why) {
    const line = `SKIPPED "${suite}": ${why}.`;
    console.warn(line);
    process.stderr.write(`\n!!! ${line}\n\n`);
}
//# sourceMappingURL=warn-skipped.js.map
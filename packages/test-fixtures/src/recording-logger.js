"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordingLogger = recordingLogger;
/** A Logger that records every call; `waitFor` resolves on the first entry matching. */
function recordingLogger() {
    const entries = [];
    const watchers = [];
    const record = (level) => (objOrMsg, msg) => {
        const entry = typeof objOrMsg === "string"
            ? { level, obj: undefined, msg: objOrMsg }
            : { level, obj: objOrMsg, msg: msg ?? "" };
        entries.push(entry);
        for (let i = watchers.length - 1; i >= 0; i--) {
            const w = watchers[i];
            if (w.match(entry)) {
                watchers.splice(i, 1);
                w.resolve(entry);
            }
        }
    };
    return {
        entries,
        info: record("info"),
        warn: record("warn"),
        error: record("error"),
        debug: record("debug"),
        waitFor(match) {
            const found = entries.find(match);
            if (found)
                return Promise.resolve(found);
            return new Promise((resolve) => watchers.push({ match, resolve }));
        },
    };
}
//# sourceMappingURL=recording-logger.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const logger_1 = require("../src/logger");
/** Which of debug/info/warn/error a console logger at `level` writes, and where. */
function written(options) {
    const lines = [];
    const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
        lines.push(`stdout ${String(chunk).trimEnd()}`);
        return true;
    });
    const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
        lines.push(`stderr ${String(chunk).trimEnd()}`);
        return true;
    });
    try {
        const logger = (0, logger_1.createConsoleLogger)(options);
        for (const level of ["debug", "info", "warn", "error"])
            logger[level](level);
    }
    finally {
        out.mockRestore();
        err.mockRestore();
    }
    return lines;
}
test.each([
    [undefined, ["stdout info", "stderr warn", "stderr error"]],
    ["debug", ["stderr debug", "stdout info", "stderr warn", "stderr error"]],
    ["info", ["stdout info", "stderr warn", "stderr error"]],
    ["warn", ["stderr warn", "stderr error"]],
    ["error", ["stderr error"]],
    ["silent", []],
])("a console logger at level %s writes %j", (level, expected) => {
    expect(written(level === undefined ? {} : { level })).toEqual(expected);
});
test("debug: true is level debug, and an explicit level wins over it", () => {
    expect(written({ debug: true })).toContain("stderr debug");
    expect(written({ debug: true, level: "warn" })).toEqual(["stderr warn", "stderr error"]);
});
//# sourceMappingURL=log-level.test.js.map
import { createConsoleLogger, type LogLevel } from "../src/logger";

/** Which of debug/info/warn/error a console logger at `level` writes, and where. */
function written(options: Parameters<typeof createConsoleLogger>[0]): string[] {
  const lines: string[] = [];
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(`stdout ${String(chunk).trimEnd()}`);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(`stderr ${String(chunk).trimEnd()}`);
    return true;
  });
  try {
    const logger = createConsoleLogger(options);
    for (const level of ["debug", "info", "warn", "error"] as const) logger[level](level);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines;
}

test.each<[LogLevel | undefined, string[]]>([
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

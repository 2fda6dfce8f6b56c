/** Tests run against src/ through ts-jest; `npm run typecheck` does the type checking,
 *  so ts-jest only transpiles (isolatedModules) and stays fast. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/packages", "<rootDir>/apps", "<rootDir>/examples"],
  testMatch: ["**/test/**/*.test.ts"],
  // TypeScript first: a stray compiled .js beside a .ts source must not shadow it in tests.
  moduleFileExtensions: ["ts", "js", "json", "node"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  moduleNameMapper: {
    "^@channels-ts/core$": "<rootDir>/packages/core/src/index.ts",
    "^@channels-ts/core/layer-kit$": "<rootDir>/packages/core/src/layer-kit.ts",
    "^@channels-ts/server$": "<rootDir>/packages/server/src/index.ts",
    "^@channels-ts/redis$": "<rootDir>/packages/redis/src/index.ts",
    "^@channels-ts/client$": "<rootDir>/packages/client/src/index.ts",
    // The client is an ES module package: its relative imports name the .js that tsc emits.
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^@channels-ts/test-fixtures$": "<rootDir>/packages/test-fixtures/src/index.ts",
  },
  testTimeout: 20000,
};

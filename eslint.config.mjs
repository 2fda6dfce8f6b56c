// Lint rules that keep the architecture and the async discipline a socket server needs.
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const otherPackages = (own) =>
  ["core", "server", "redis", "client"]
    .filter((name) => name !== own)
    .map((name) => ({
      group: [`**/packages/${name}/**`, `../../${name}/**`, `../../../${name}/**`],
      message: `Import @channels-ts/${name} through its public entry point, not a relative path.`,
    }));

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "coverage/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".js"] } } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "prefer-const": ["error", { destructuring: "all" }],
      "import-x/no-relative-packages": "error",
    },
  },
  {
    files: ["packages/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "ws", message: "core never imports ws: the server owns the socket." },
            { name: "ioredis", message: "core never imports a Redis client." },
            { name: "@channels-ts/server", message: "core never imports the server." },
            { name: "@channels-ts/redis", message: "core never imports the Redis layers." },
          ],
          patterns: otherPackages("core"),
        },
      ],
    },
  },
  {
    files: ["packages/server/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: otherPackages("server") }] },
  },
  {
    files: ["packages/redis/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: otherPackages("redis") }] },
  },
  {
    files: ["packages/client/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...otherPackages("client"),
            {
              group: ["node:*", "ws", "@channels-ts/*"],
              message: "The client runs in browsers: no Node built-ins, ws or server packages.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/client/test/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: otherPackages("client") }] },
  },
  {
    files: ["apps/**/*.ts", "bench/**/*.ts", "examples/**/*.ts", "docs/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/packages/**"], message: "Apps import packages by name (@channels-ts/...)." }] },
      ],
    },
  },
);

import { build } from "esbuild";
import { builtinModules } from "node:module";
import { gzipSync } from "node:zlib";
import { clientBundleOptions } from "./bundle-options";

// The bundle is built as scripts/bundle.mjs builds it, in memory, so the test needs no prior build.
async function bundle(): Promise<{ code: string; inputs: string[]; imports: unknown[] }> {
  const result = await build({ ...clientBundleOptions(), write: false, metafile: true });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error("esbuild wrote nothing");
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  return { code: file.text, inputs: Object.keys(result.metafile.inputs), imports };
}

test("the browser bundle imports nothing (no Node built-ins, no packages) and is made of the client's sources only", async () => {
  const { code, inputs, imports } = await bundle();
  expect(imports).toEqual([]);
  expect(inputs.length).toBeGreaterThan(5);
  for (const input of inputs) expect(input).toMatch(/^src\/[\w-]+\.ts$/);
  // Minified, an import is `from"x"`, `import"x"`, `import(` or `require(`; none may be left.
  expect(code).not.toMatch(/\bfrom"|\bimport"|\bimport\(|\brequire\(/);
  expect(code).not.toContain('"node:');
  const builtins = builtinModules.filter((name) => !name.startsWith("_"));
  for (const name of builtins) expect(code).not.toContain(`from"${name}"`);
  expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname/);
  expect(code).toMatch(/export\{/);
});

test("the bundle stays small: under 24 KB raw and 8 KB gzipped", async () => {
  const { code } = await bundle();
  const raw = Buffer.byteLength(code);
  const gzipped = gzipSync(code).length;
  expect(raw).toBeLessThan(24_000);
  expect(gzipped).toBeLessThan(8_000);
});

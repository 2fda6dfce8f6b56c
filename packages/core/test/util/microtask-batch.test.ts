import { runInMicrotask } from "../../src/util/microtask-batch";

describe("runInMicrotask", () => {
  it("runs callbacks after the current code, in the order they were scheduled", async () => {
    const seen: string[] = [];
    runInMicrotask(() => seen.push("a"));
    runInMicrotask(() => {
      seen.push("b");
      runInMicrotask(() => seen.push("d, scheduled while the batch ran"));
    });
    runInMicrotask(() => seen.push("c"));
    seen.push("sync");
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(seen).toEqual(["sync", "a", "b", "c", "d, scheduled while the batch ran"]);
  });
});

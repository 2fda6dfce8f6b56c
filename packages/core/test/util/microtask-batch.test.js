"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const microtask_batch_1 = require("../../src/util/microtask-batch");
describe("runInMicrotask", () => {
    it("runs callbacks after the current code, in the order they were scheduled", async () => {
        const seen = [];
        (0, microtask_batch_1.runInMicrotask)(() => seen.push("a"));
        (0, microtask_batch_1.runInMicrotask)(() => {
            seen.push("b");
            (0, microtask_batch_1.runInMicrotask)(() => seen.push("d, scheduled while the batch ran"));
        });
        (0, microtask_batch_1.runInMicrotask)(() => seen.push("c"));
        seen.push("sync");
        await new Promise((resolve) => setImmediate(resolve));
        expect(seen).toEqual(["sync", "a", "b", "c", "d, scheduled while the batch ran"]);
    });
});
//# sourceMappingURL=microtask-batch.test.js.map
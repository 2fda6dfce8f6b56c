"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_stream_1 = require("node:stream");
const write_coalescer_1 = require("../src/write-coalescer");
/** A stream that records each batch the stream machinery hands down: one entry per system call a socket would make. */
function recordingStream() {
    const batches = [];
    const stream = new node_stream_1.Writable({
        writev(chunks, callback) {
            batches.push(chunks.map(({ chunk }) => String(chunk)));
            callback();
        },
        write(chunk, _encoding, callback) {
            batches.push([String(chunk)]);
            callback();
        },
    });
    return { stream, batches };
}
const nextTick = () => new Promise((resolve) => process.nextTick(resolve));
describe("corkUntilNextTick", () => {
    it("lets every write of one tick leave in one batch, and the next tick's in another", async () => {
        const { stream, batches } = recordingStream();
        const socket = stream;
        for (const frame of ["a", "b", "c"]) {
            (0, write_coalescer_1.corkUntilNextTick)(socket);
            stream.write(frame);
        }
        expect(batches).toEqual([]);
        await nextTick();
        expect(batches).toEqual([["a", "b", "c"]]);
        (0, write_coalescer_1.corkUntilNextTick)(socket);
        stream.write("d");
        await nextTick();
        expect(batches).toEqual([["a", "b", "c"], ["d"]]);
        expect(stream.writableCorked).toBe(0);
    });
    it("keeps the order of writes made under a nested cork (as ws makes for header and payload)", async () => {
        const { stream, batches } = recordingStream();
        (0, write_coalescer_1.corkUntilNextTick)(stream);
        stream.write("1");
        stream.cork();
        stream.write("2h");
        stream.write("2p");
        stream.uncork();
        (0, write_coalescer_1.corkUntilNextTick)(stream);
        stream.write("3");
        await nextTick();
        expect(batches).toEqual([["1", "2h", "2p", "3"]]);
    });
    it("uncorks every socket corked in the tick", async () => {
        const one = recordingStream();
        const two = recordingStream();
        (0, write_coalescer_1.corkUntilNextTick)(one.stream);
        one.stream.write("x");
        (0, write_coalescer_1.corkUntilNextTick)(two.stream);
        two.stream.write("y");
        await nextTick();
        expect([one.batches, two.batches]).toEqual([[["x"]], [["y"]]]);
    });
});
//# sourceMappingURL=write-coalescer.test.js.map
import { Writable } from "node:stream";
import type { Duplex } from "node:stream";
import { corkUntilNextTick } from "../src/write-coalescer";

/** A stream that records each batch the stream machinery hands down: one entry per system call a socket would make. */
function recordingStream(): { stream: Writable; batches: string[][] } {
  const batches: string[][] = [];
  const stream = new Writable({
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

const nextTick = (): Promise<void> => new Promise((resolve) => process.nextTick(resolve));

describe("corkUntilNextTick", () => {
  it("lets every write of one tick leave in one batch, and the next tick's in another", async () => {
    const { stream, batches } = recordingStream();
    const socket = stream as unknown as Duplex;
    for (const frame of ["a", "b", "c"]) {
      corkUntilNextTick(socket);
      stream.write(frame);
    }
    expect(batches).toEqual([]);
    await nextTick();
    expect(batches).toEqual([["a", "b", "c"]]);
    corkUntilNextTick(socket);
    stream.write("d");
    await nextTick();
    expect(batches).toEqual([["a", "b", "c"], ["d"]]);
    expect(stream.writableCorked).toBe(0);
  });

  it("keeps the order of writes made under a nested cork (as ws makes for header and payload)", async () => {
    const { stream, batches } = recordingStream();
    corkUntilNextTick(stream as unknown as Duplex);
    stream.write("1");
    stream.cork();
    stream.write("2h");
    stream.write("2p");
    stream.uncork();
    corkUntilNextTick(stream as unknown as Duplex);
    stream.write("3");
    await nextTick();
    expect(batches).toEqual([["1", "2h", "2p", "3"]]);
  });

  it("uncorks every socket corked in the tick", async () => {
    const one = recordingStream();
    const two = recordingStream();
    corkUntilNextTick(one.stream as unknown as Duplex);
    one.stream.write("x");
    corkUntilNextTick(two.stream as unknown as Duplex);
    two.stream.write("y");
    await nextTick();
    expect([one.batches, two.batches]).toEqual([[["x"]], [["y"]]]);
  });
});

import { DropCounter, DropHook } from "@channels-ts/core";

describe("the drop hook", () => {
  it("counts by origin and reason, tells every listener, and stops telling one that unsubscribed", () => {
    const hook = new DropHook();
    const seen: unknown[] = [];
    const stop = hook.onDrop((event) => seen.push(event));
    hook.report("server", "rate limited", 1, { channel: "c" }, "over 10/s");
    hook.report("server", "rate limited", 2);
    stop();
    hook.report("consumer", "no handler", 1);
    expect(seen).toEqual([
      { origin: "server", reason: "rate limited", count: 1, channel: "c", detail: "over 10/s" },
      { origin: "server", reason: "rate limited", count: 2 },
    ]);
    expect(hook.count("rate limited")).toBe(3);
    expect(hook.count("no handler", "server")).toBe(0);
    expect(hook.totals()).toEqual([
      { origin: "server", reason: "rate limited", count: 3 },
      { origin: "consumer", reason: "no handler", count: 1 },
    ]);
  });

  it("a listener that throws does not stop the report, nor the other listeners", () => {
    const hook = new DropHook();
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const seen: string[] = [];
    hook.onDrop(() => {
      throw new Error("broken listener");
    });
    hook.onDrop((event) => seen.push(event.reason));
    hook.report("x", "expired", 1);
    hook.report("x", "expired", 1);
    expect(seen).toEqual(["expired", "expired"]);
    expect(error).toHaveBeenCalledTimes(1); // once per listener, not once per drop
    error.mockRestore();
  });

  it("a DropCounter reports every drop to its hook, and logs at most once per reason per interval", () => {
    const hook = new DropHook();
    const lines: string[] = [];
    const counter = new DropCounter("server", { warn: (line) => lines.push(line) }, 60_000, [], undefined, hook);
    counter.report("client too slow", {}, 1, "bufferedAmount 5000000");
    counter.report("client too slow", {}, 1);
    expect(hook.count("client too slow", "server")).toBe(2);
    expect(lines).toEqual([
      "server: dropped 1 client too slow (last for a connection: bufferedAmount 5000000); 1 for this reason since start.",
    ]);
    counter.flush();
    expect(lines).toHaveLength(2);
  });
});

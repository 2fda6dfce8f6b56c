import type { Message } from "@channels-ts/core";
import { LocalChannels } from "../src/local-channels";

describe("a local mailbox whose consumer stopped reading", () => {
  it("keeps the newest `capacity` messages, counts every one dropped, and does not grow its array per message", () => {
    const drops: number[] = [];
    const local = new LocalChannels(
      () => 2,
      (_reason, _channel, count) => drops.push(count),
    );
    for (let i = 0; i < 10_000; i++) local.deliver("stuck", { type: "m", i } as Message);
    expect(drops.length).toBe(9_998);
    expect(local.queued("stuck")).toBe(2);
    // The array behind it is compacted while full, as take() does: not 10,000 slots.
    const box = (local as unknown as { boxes: Map<string, { queue: unknown[] }> }).boxes.get("stuck");
    expect(box?.queue.length).toBeLessThan(2_100);
    expect(local.take("stuck")).toEqual({ type: "m", i: 9_998 });
    expect(local.take("stuck")).toEqual({ type: "m", i: 9_999 });
    expect(local.take("stuck")).toBeUndefined();
  });
});

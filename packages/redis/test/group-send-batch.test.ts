import { GroupSendBatch, MAX_BATCHED_GROUP_SENDS, type BatchedGroupSend } from "../src/group-send-batch";

function send(group: string, score: number): BatchedGroupSend {
  return { groupKey: `asgi:group:${group}`, group, start: Buffer.from(group), score };
}

describe("GroupSendBatch", () => {
  it("issues the group sends of one tick in one call, in order, and hands each its own outcome", async () => {
    const calls: string[][] = [];
    const batch = new GroupSendBatch(async (sends) => {
      calls.push(sends.map((s) => `${s.group}@${s.score}`));
      return sends.flatMap((_, i) => [100, i, 10 * i]);
    });
    const outcomes = await Promise.all([batch.add(send("a", 1)), batch.add(send("b", 2)), batch.add(send("a", 3))]);
    expect(calls).toEqual([["a@1", "b@2", "a@3"]]);
    expect(outcomes).toEqual([
      { over: 0, expired: 0 },
      { over: 1, expired: 10 },
      { over: 2, expired: 20 },
    ]);
  });

  it("flush() issues what waits at once, so a command issued after it cannot overtake", async () => {
    const order: string[] = [];
    const batch = new GroupSendBatch(async (sends) => {
      order.push(`script(${sends.map((s) => s.group).join(",")})`);
      return sends.flatMap(() => [0, 0, 0]);
    });
    const first = batch.add(send("a", 1));
    batch.flush();
    order.push("send");
    const second = batch.add(send("b", 2));
    await Promise.all([first, second]);
    expect(order).toEqual(["script(a)", "send", "script(b)"]);
  });

  it("a failed call rejects every group send in it, and the next tick's sends go out again", async () => {
    let fail = true;
    const batch = new GroupSendBatch(async (sends) => {
      if (fail) throw new Error("connection lost");
      return sends.flatMap(() => [0, 0, 0]);
    });
    const failed = [batch.add(send("a", 1)), batch.add(send("b", 2))];
    for (const p of failed) await expect(p).rejects.toThrow("connection lost");
    fail = false;
    await expect(batch.add(send("c", 3))).resolves.toEqual({ over: 0, expired: 0 });
  });

  it("a call that throws synchronously rejects its group sends instead of throwing from flush()", async () => {
    const batch = new GroupSendBatch(() => {
      throw new Error("bad arguments");
    });
    const pending = batch.add(send("a", 1));
    expect(() => batch.flush()).not.toThrow();
    await expect(pending).rejects.toThrow("bad arguments");
  });

  it(`a tick with more than ${MAX_BATCHED_GROUP_SENDS} sends is cut into calls of at most that many, in order`, async () => {
    const calls: number[][] = [];
    const batch = new GroupSendBatch(async (sends) => {
      calls.push(sends.map((s) => s.score));
      return sends.flatMap(() => [0, 0, 0]);
    });
    const total = 2 * MAX_BATCHED_GROUP_SENDS + 5;
    await Promise.all(Array.from({ length: total }, (_, i) => batch.add(send("a", i))));
    expect(calls.map((c) => c.length)).toEqual([MAX_BATCHED_GROUP_SENDS, MAX_BATCHED_GROUP_SENDS, 5]);
    expect(calls.flat()).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it("a send the script reports as refused (-1) rejects alone, naming its group and Redis's error", async () => {
    const batch = new GroupSendBatch(async () => [1, 0, 0, -1, "WRONGTYPE Operation against a key", 0, 2, 1, 3]);
    const [a, b, c] = await Promise.allSettled([
      batch.add(send("a", 1)),
      batch.add(send("b", 2)),
      batch.add(send("c", 3)),
    ]);
    expect(a).toEqual({ status: "fulfilled", value: { over: 0, expired: 0 } });
    expect(c).toEqual({ status: "fulfilled", value: { over: 1, expired: 3 } });
    expect(b).toMatchObject({ status: "rejected", reason: { code: "GROUP_SEND_REFUSED", group: "b" } });
    expect((b as PromiseRejectedResult).reason.message).toContain('"b": WRONGTYPE');
  });

  it("a reply of the wrong length rejects every send of the call rather than leaving one pending", async () => {
    const batch = new GroupSendBatch(async () => [0, 0, 0]);
    const results = await Promise.allSettled([batch.add(send("a", 1)), batch.add(send("b", 2))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((results[0] as PromiseRejectedResult).reason.message).toContain("answered 3 values for 2 sends");
  });
});

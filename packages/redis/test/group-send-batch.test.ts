import { GroupSendBatch, type BatchedGroupSend } from "../src/group-send-batch";

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
});

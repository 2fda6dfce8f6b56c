import { CLUSTER_SLOTS, crc16, inboxSlots, keySlot, onSlot, spreadName, tagOfSlot } from "../src/cluster-hash-tags";

describe("cluster hash tags", () => {
  test("crc16 is Redis's CRC16 (XMODEM) and keySlot follows its hash tag rule", () => {
    expect(crc16("123456789")).toBe(0x31c3); // the check value of CRC-16/XMODEM
    expect(keySlot("foo")).toBe(12182); // CLUSTER KEYSLOT foo
    expect(keySlot("{user1000}.following")).toBe(keySlot("user1000"));
    expect(keySlot("{}foo")).toBe(crc16("{}foo") % CLUSTER_SLOTS); // an empty tag hashes the whole key
    expect(keySlot("a{b}{c}")).toBe(keySlot("b")); // only the first tag counts
  });

  test("every slot has a tag of at most 4 characters that hashes to it", () => {
    const wrong: string[] = [];
    let longest = 0;
    for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
      const tag = tagOfSlot(slot);
      longest = Math.max(longest, tag.length);
      if (crc16(tag) % CLUSTER_SLOTS !== slot) wrong.push(`${tag} (slot ${slot})`);
    }
    expect(wrong).toEqual([]);
    expect(longest).toBeLessThanOrEqual(4);
    expect(keySlot(onSlot(42, "asgi__group__{x}"))).toBe(42); // the tag comes first, so it wins
  });

  test("group names spread evenly over the slots of three masters (no hot tag)", () => {
    const thirds = [0, 0, 0];
    const used = new Set<number>();
    for (let i = 0; i < 30_000; i++) {
      const slot = keySlot(spreadName(`asgi__group__room-${i}`));
      used.add(slot);
      thirds[Math.floor((slot * 3) / CLUSTER_SLOTS)]! += 1;
    }
    for (const count of thirds) expect(Math.abs(count - 10_000)).toBeLessThan(500); // within 5% of a third
    expect(used.size).toBeGreaterThan(13_000); // 30,000 names fall on most of the 16384 slots
  });

  test("a process's inboxes are evenly spaced, and processes start at different slots", () => {
    const slots = inboxSlots("0123456789abcdef0123456789abcdef", 16);
    const sorted = [...slots].sort((a, b) => a - b);
    const gaps = sorted.map((slot, i) => ((sorted[(i + 1) % 16] as number) - slot + CLUSTER_SLOTS) % CLUSTER_SLOTS);
    for (const gap of gaps) expect(gap).toBe(1024);
    const starts = new Set(Array.from({ length: 100 }, (_, i) => inboxSlots(i.toString(16).padStart(32, "0"), 16)[0]));
    expect(starts.size).toBeGreaterThan(95);
  });
});

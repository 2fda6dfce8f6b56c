import { drops, InMemoryChannelLayer } from "@channels-ts/core";

/** Every drop in the process, through one hook; `npx tsx examples/docs/layers/drops.ts`. */
export async function watchDrops(): Promise<string[]> {
  const seen: string[] = [];
  const layer = new InMemoryChannelLayer({ capacity: 1, logger: { warn: (line) => seen.push(line) } });
  // #region drops
  const stop = drops.onDrop(({ origin, reason, count, channel, group }) => {
    // origin: "InMemoryChannelLayer", "RedisChannelLayer", "consumer", "server", ...
    seen.push(`${origin}: ${count} ${reason} (${group ?? channel ?? "-"})`);
  });
  // #endregion drops
  const slow = await layer.newChannel(); // nobody receives on it
  await layer.groupAdd("room", slow);
  await layer.groupSend("room", { type: "chat.message", text: "1" });
  await layer.groupSend("room", { type: "chat.message", text: "2" }); // skipped: the member is full
  seen.push(`droppedCounts: ${JSON.stringify(layer.droppedCounts)}`);
  stop();
  await layer.close();
  return seen;
}

if (require.main === module) {
  watchDrops().then((lines) => console.log(lines.join("\n")), console.error);
}

import { ErrorCode, TooManyGroups, WebsocketCommunicator, WebsocketConsumer, type Message } from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

const layer = useChannelLayer();

/** Joins the group each text names and answers "joined" or the error's code and message. */
class Joiner extends WebsocketConsumer {
  override maxGroups = 3;
  async chat_message(message: Message): Promise<void> {
    await this.send(String(message.text));
  }

  override async receive(text?: string): Promise<void> {
    const [verb, group] = String(text).split(" ") as [string, string];
    try {
      if (verb === "add") await this.groupAdd(group);
      else await this.groupDiscard(group);
      await this.send(`ok ${verb} ${group}`);
    } catch (error) {
      const e = error as TooManyGroups;
      await this.send(`${e.code} ${e.group} ${e.maxGroups} ${e.message}`);
    }
  }
}

describe("maxGroups", () => {
  it("defaults to 100 groups per consumer", () => {
    expect(new WebsocketConsumer().maxGroups).toBe(100);
  });

  it("rejects groupAdd beyond maxGroups with TooManyGroups naming the group and the option; the consumer stays in its groups", async () => {
    const c = new WebsocketCommunicator(Joiner.asApp(), "/");
    await c.connect();
    for (const group of ["a", "b", "c", "a"]) {
      await c.sendTo(`add ${group}`);
      expect(await c.receiveFrom()).toBe(`ok add ${group}`);
    }
    await c.sendTo("add d");
    const refusal = String(await c.receiveFrom());
    expect(refusal).toMatch(/^TOO_MANY_GROUPS d 3 /);
    expect(refusal).toContain('group "d"');
    expect(refusal).toContain("maxGroups (3)");
    expect(ErrorCode.TOO_MANY_GROUPS).toBe("TOO_MANY_GROUPS");
    // Still a member of the first three, not of the refused one.
    await layer().groupSend("d", { type: "chat.message", text: "from d" });
    await layer().groupSend("c", { type: "chat.message", text: "from c" });
    expect(await c.receiveFrom()).toBe("from c");
    // A discarded group frees its place.
    await c.sendTo("discard a");
    expect(await c.receiveFrom()).toBe("ok discard a");
    await c.sendTo("add d");
    expect(await c.receiveFrom()).toBe("ok add d");
    await c.disconnect();
  });

  it("gives back the place of a groupAdd the layer rejects", async () => {
    const refused = new Error("layer down");
    const groupAdd = layer().groupAdd.bind(layer());
    jest
      .spyOn(layer(), "groupAdd")
      .mockImplementation((group: string, channel: string) =>
        group.startsWith("bad") ? Promise.reject(refused) : groupAdd(group, channel),
      );
    const c = new WebsocketCommunicator(Joiner.asApp(), "/");
    await c.connect();
    for (const group of ["bad1", "bad2", "bad3", "bad4"]) {
      await c.sendTo(`add ${group}`);
      expect(await c.receiveFrom()).toBe(`undefined undefined undefined layer down`);
    }
    // Four refusals used none of the three places.
    for (const group of ["a", "b", "c"]) {
      await c.sendTo(`add ${group}`);
      expect(await c.receiveFrom()).toBe(`ok add ${group}`);
    }
    await c.sendTo("add d");
    expect(String(await c.receiveFrom())).toMatch(/^TOO_MANY_GROUPS d 3 /);
    await c.disconnect();
  });

  it("is a ChannelsError with close code 1008", () => {
    const error = new TooManyGroups("room", 5);
    expect(error).toMatchObject({ code: "TOO_MANY_GROUPS", closeCode: 1008, group: "room", maxGroups: 5 });
  });
});

import { WebsocketCommunicator, WebsocketConsumer, type Handlers } from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

useChannelLayer();

// These lines are checked by `tsc --noEmit` (npm test typechecks tests): each @ts-expect-error
// must be a real compile error, or tsc fails on the unused directive.
interface ChatMessages {
  "chat.message": { text: string };
  "user.joined": { name: string; at: number };
}

class Chat extends WebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
  override groups = ["lobby"];
  async chat_message(message: { type: "chat.message"; text: string }): Promise<void> {
    await this.send(message.text);
  }
  async user_joined(message: { type: "user.joined"; name: string; at: number }): Promise<void> {
    await this.send(`${message.name}@${message.at}`);
  }
  override async receive(text?: string): Promise<void> {
    await this.groupSend("lobby", { type: "chat.message", text: text ?? "" });
  }
}

// Never called: it exists for the compiler.
export async function compileTimeChecks(chat: Chat): Promise<void> {
  await chat.groupSend("lobby", { type: "user.joined", name: "x", at: 1 });
  // @ts-expect-error: unknown message type
  await chat.groupSend("lobby", { type: "chat.mesage", text: "typo" });
  // @ts-expect-error: wrong payload type
  await chat.groupSend("lobby", { type: "chat.message", text: 42 });
  // @ts-expect-error: missing payload key
  await chat.groupSend("lobby", { type: "user.joined", name: "x" });
}

// @ts-expect-error: a declared message type without its handler does not compile
class Incomplete extends WebsocketConsumer<ChatMessages> implements Handlers<ChatMessages> {
  async chat_message(): Promise<void> {}
}

describe("typed messages", () => {
  it("dispatch still works at run time for typed consumers", async () => {
    expect(Incomplete).toBeDefined();
    const c = new WebsocketCommunicator(Chat.asApp(), "/");
    await c.connect();
    await c.sendTo("hi");
    expect(await c.receiveFrom()).toBe("hi");
    await c.disconnect();
  });
});

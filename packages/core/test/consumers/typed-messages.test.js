"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileTimeChecks = compileTimeChecks;
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
(0, test_fixtures_1.useChannelLayer)();
class Chat extends core_1.WebsocketConsumer {
    groups = ["lobby"];
    async chat_message(message) {
        await this.send(message.text);
    }
    async user_joined(message) {
        await this.send(`${message.name}@${message.at}`);
    }
    async receive(text) {
        await this.groupSend("lobby", { type: "chat.message", text: text ?? "" });
    }
}
// Never called: it exists for the compiler.
async function compileTimeChecks(chat) {
    await chat.groupSend("lobby", { type: "user.joined", name: "x", at: 1 });
    // @ts-expect-error: unknown message type
    await chat.groupSend("lobby", { type: "chat.mesage", text: "typo" });
    // @ts-expect-error: wrong payload type
    await chat.groupSend("lobby", { type: "chat.message", text: 42 });
    // @ts-expect-error: missing payload key
    await chat.groupSend("lobby", { type: "user.joined", name: "x" });
}
// @ts-expect-error: a declared message type without its handler does not compile
class Incomplete extends core_1.WebsocketConsumer {
    async chat_message() { }
}
describe("typed messages", () => {
    it("dispatch still works at run time for typed consumers", async () => {
        expect(Incomplete).toBeDefined();
        const c = new core_1.WebsocketCommunicator(Chat.asApp(), "/");
        await c.connect();
        await c.sendTo("hi");
        expect(await c.receiveFrom()).toBe("hi");
        await c.disconnect();
    });
});
//# sourceMappingURL=typed-messages.test.js.map
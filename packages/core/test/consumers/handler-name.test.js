"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const handler_name_1 = require("../../src/consumers/handler-name");
class Target {
    chat_message() { }
    userJoined() { }
    websocket_receive() { }
    notAFunction = 42;
}
describe("handler lookup by message type", () => {
    const target = new Target();
    it("maps dots to underscores, as Channels does", () => {
        expect((0, handler_name_1.handlerNameFor)(target, "chat.message")).toBe("chat_message");
        expect((0, handler_name_1.handlerNameFor)(target, "websocket.receive")).toBe("websocket_receive");
    });
    it("falls back to camelCase when there is no snake_case method", () => {
        expect((0, handler_name_1.handlerNameFor)(target, "user.joined")).toBe("userJoined");
        expect((0, handler_name_1.handlerNameFor)(target, "user_joined")).toBe("userJoined");
    });
    it.each(["_private", "_chat.message", "__proto__"])("rejects a leading underscore: %s", (type) => {
        expect(() => (0, handler_name_1.handlerNameFor)(target, type)).toThrow(core_1.HandlerNotFound);
        expect(() => (0, handler_name_1.handlerNameFor)(target, type)).toThrow(/underscore/);
    });
    it.each(["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"])("never resolves %s, which only exists on Object.prototype", (type) => {
        expect(() => (0, handler_name_1.handlerNameFor)(target, type)).toThrow(core_1.HandlerNotFound);
        expect(() => (0, handler_name_1.handlerNameFor)(target, type)).toThrow(JSON.stringify(type));
    });
    it("names the type and the method to define when the handler is missing", () => {
        expect(() => (0, handler_name_1.handlerNameFor)(target, "chat.missing")).toThrow(/chat\.missing.*chat_missing\(\).*chatMissing\(\).*Target/);
    });
    it("does not call a property that is not a function", () => {
        expect(() => (0, handler_name_1.handlerNameFor)(target, "notAFunction")).toThrow(core_1.HandlerNotFound);
    });
    it("rejects a message without a string type", () => {
        expect(() => (0, handler_name_1.handlerNameFor)(target, undefined)).toThrow(/no string "type"/);
        expect(() => (0, handler_name_1.handlerNameFor)(target, 7)).toThrow(core_1.HandlerNotFound);
    });
});
//# sourceMappingURL=handler-name.test.js.map
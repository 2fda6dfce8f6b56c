import { HandlerNotFound } from "@channels-ts/core";
import { handlerNameFor } from "../../src/consumers/handler-name";

class Target {
  chat_message(): void {}
  userJoined(): void {}
  websocket_receive(): void {}
  notAFunction = 42;
}

describe("handler lookup by message type", () => {
  const target = new Target();

  it("maps dots to underscores, as Channels does", () => {
    expect(handlerNameFor(target, "chat.message")).toBe("chat_message");
    expect(handlerNameFor(target, "websocket.receive")).toBe("websocket_receive");
  });

  it("falls back to camelCase when there is no snake_case method", () => {
    expect(handlerNameFor(target, "user.joined")).toBe("userJoined");
    expect(handlerNameFor(target, "user_joined")).toBe("userJoined");
  });

  it.each(["_private", "_chat.message", "__proto__"])("rejects a leading underscore: %s", (type) => {
    expect(() => handlerNameFor(target, type)).toThrow(HandlerNotFound);
    expect(() => handlerNameFor(target, type)).toThrow(/underscore/);
  });

  it.each(["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"])(
    "never resolves %s, which only exists on Object.prototype",
    (type) => {
      expect(() => handlerNameFor(target, type)).toThrow(HandlerNotFound);
      expect(() => handlerNameFor(target, type)).toThrow(JSON.stringify(type));
    },
  );

  it("names the type and the method to define when the handler is missing", () => {
    expect(() => handlerNameFor(target, "chat.missing")).toThrow(
      /chat\.missing.*chat_missing\(\).*chatMissing\(\).*Target/,
    );
  });

  it("does not call a property that is not a function", () => {
    expect(() => handlerNameFor(target, "notAFunction")).toThrow(HandlerNotFound);
  });

  it("rejects a message without a string type", () => {
    expect(() => handlerNameFor(target, undefined)).toThrow(/no string "type"/);
    expect(() => handlerNameFor(target, 7)).toThrow(HandlerNotFound);
  });
});

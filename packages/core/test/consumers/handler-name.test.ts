import { AsyncConsumer, HandlerNotFound } from "@channels-ts/core";
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

  it.each([".secret", "..secret", ".chat.message", "._x"])(
    "rejects a type whose handler name starts with an underscore once dots are mapped: %s",
    (type) => {
      const exposed = new (class {
        _secret(): void {}
        __secret(): void {}
        _chat_message(): void {}
        Secret(): void {}
      })();
      expect(() => handlerNameFor(exposed, type)).toThrow(HandlerNotFound);
      expect(() => handlerNameFor(exposed, type)).toThrow(/Malformed type in message.*underscore/);
      expect(() => handlerNameFor(exposed, type)).toThrow(JSON.stringify(type));
    },
  );

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

describe("dispatch refuses private handler names whatever it remembered", () => {
  it("never calls _secret() for .secret, between or after handled messages", () => {
    const calls: string[] = [];
    class Exposed extends AsyncConsumer {
      chat_message(): void {
        calls.push("chat_message");
      }
      _secret(): void {
        calls.push("_secret");
      }
    }
    const consumer = new Exposed();
    for (const type of ["chat.message", ".secret", "chat.message", ".secret", "_secret", ".secret"]) {
      if (type === "chat.message") void consumer.dispatch({ type });
      else expect(() => consumer.dispatch({ type })).toThrow(HandlerNotFound);
    }
    expect(calls).toEqual(["chat_message", "chat_message"]);
  });
});

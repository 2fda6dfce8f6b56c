import { validateChannelName, validateChannelPrefix, validateGroupName } from "../../src/layers";

describe("validateChannelName", () => {
  it.each([
    "test-channel-1",
    "chat.room_1",
    "a",
    "specific.inmemory!abcDEF123",
    "specific.inmemory!",
    "daphne.response.ABC!x-y_z.1",
    "x".repeat(99),
  ])("accepts %j", (name) => {
    expect(() => validateChannelName(name)).not.toThrow();
  });

  it.each<[unknown, string]>([
    ["", '""'],
    ["has space", '"has space"'],
    ["!leading-bang", '"!leading-bang"'],
    ["two!bangs!", '"two!bangs!"'],
    ["slash/path", '"slash/path"'],
    ["café", '"café"'],
    ["specific!ünïcode", '"specific!ünïcode"'],
    ["x".repeat(100), "(100 characters)"],
    [42, "of type number"],
    [null, "null"],
    [undefined, "of type undefined"],
    [{ toString: () => "chat" }, "of type object"],
  ])("rejects %p with a TypeError naming it", (name, shown) => {
    expect(() => validateChannelName(name)).toThrow(TypeError);
    expect(() => validateChannelName(name)).toThrow("Invalid channel name ");
    expect(() => validateChannelName(name)).toThrow(shown);
    expect(() => validateChannelName(name)).toThrow('ASCII letters, digits, "-", "_" and "."');
  });

  it("requires a specific name to end at the ! when receive is set, as Channels does", () => {
    expect(() => validateChannelName("chat.x!", { receive: true })).not.toThrow();
    expect(() => validateChannelName("chat.plain", { receive: true })).not.toThrow();
    expect(() => validateChannelName("chat.x!abc", { receive: true })).toThrow(/must end at the "!"/);
    expect(() => validateChannelName("chat.x!abc")).not.toThrow();
  });
});

describe("validateGroupName", () => {
  it.each(["chat", "room-1.users_all", "g".repeat(99)])("accepts %j", (name) => {
    expect(() => validateGroupName(name)).not.toThrow();
  });

  it.each<unknown>(["", "with!bang", "tab\tname", "naïve", "g".repeat(100), 7, null, ["chat"]])(
    "rejects %p with a TypeError",
    (name) => {
      expect(() => validateGroupName(name)).toThrow(TypeError);
      expect(() => validateGroupName(name)).toThrow(/^Invalid group name .*\(no "!"\)\.$/);
    },
  );
});

describe("validateChannelPrefix", () => {
  it("accepts a group-style prefix that leaves room for the suffix", () => {
    expect(() => validateChannelPrefix("chat.room", 20)).not.toThrow();
  });

  it.each<unknown>(["", "has!bang", "with space", "p".repeat(80), 3])("rejects %p", (prefix) => {
    expect(() => validateChannelPrefix(prefix, 21)).toThrow(TypeError);
    expect(() => validateChannelPrefix(prefix, 21)).toThrow("Invalid channel prefix");
  });
});

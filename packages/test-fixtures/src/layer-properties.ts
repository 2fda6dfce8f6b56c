import type { ChannelLayer, Message } from "@channels-ts/core";
import fc from "fast-check";

/**
 * Property tests every channel layer must pass, as `runChannelLayerContract` runs the contract:
 * random channel and group names and random messages. Valid ones work (what is received equals
 * what was sent); invalid ones are refused with a `TypeError` naming the bad name or the bad key
 * path. The rules restated here are Channels' (names under 100 characters of ASCII letters,
 * digits, "-", "_", "."; a specific channel has one "!") and the layer-kit's message rules.
 */
export interface LayerPropertiesOptions {
  name: string;
  /** One layer for the whole suite, closed at the end. */
  newLayer: () => ChannelLayer;
  /** "pubsub": a message reaches only current subscribers, so only newChannel() channels and groups round-trip. */
  transport?: "queue" | "pubsub";
  /** msgpack encodes -0 as the integer 0: on such layers -0 comes back as 0. */
  negativeZeroBecomesZero?: boolean;
  numRuns?: number;
}

const MAX_NAME_LENGTH = 100;
const NAME_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."];

/** Channels' group name rule, restated. */
export function isValidGroupName(name: unknown): boolean {
  return (
    typeof name === "string" &&
    name.length > 0 &&
    name.length < MAX_NAME_LENGTH &&
    [...name].every((c) => NAME_CHARS.includes(c))
  );
}

/** Channels' channel name rule: a group-style name, or one followed by "!" and more name characters. */
export function isValidChannelName(name: unknown): boolean {
  if (typeof name !== "string" || name.length >= MAX_NAME_LENGTH) return false;
  const bang = name.indexOf("!");
  if (bang === -1) return isValidGroupName(name);
  const local = name.slice(bang + 1);
  return isValidGroupName(name.slice(0, bang)) && [...local].every((c) => NAME_CHARS.includes(c));
}

const nameChars = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength, maxLength });

export const validGroupName = fc.oneof(nameChars(1, 12), nameChars(90, 99));
export const validChannelName = fc.oneof(
  validGroupName,
  fc
    .tuple(nameChars(1, 40), nameChars(0, 40))
    .map(([prefix, local]) => `${prefix}!${local}`)
    .filter((name) => name.length < MAX_NAME_LENGTH),
);

/** Names that are sometimes valid, mostly not: the reference decides which. */
export const anyName: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  nameChars(100, 130),
  fc.constant(""),
  fc
    .tuple(validChannelName, fc.constantFrom(" ", "/", "é", "!", ":", "\u0000", "@", "\n", "*", "#"), fc.nat())
    .map(([name, bad, at]) => name.slice(0, at % (name.length + 1)) + bad + name.slice(at % (name.length + 1))),
  fc.constantFrom(42, null, undefined, {}, ["a"], true),
);

/** How a layer's TypeError names a name (long ones cut at 60 characters). */
export function shownName(name: unknown): string {
  if (typeof name !== "string") return name === null ? "null" : `of type ${typeof name}`;
  return JSON.stringify(name.length > 60 ? name.slice(0, 60) : name);
}

// An own "__proto__" key is left out: see the Redis layers' test of it.
const messageKey = fc.string({ unit: "grapheme", maxLength: 6 }).filter((k) => k !== "__proto__");

/** Values every layer must carry: strings, numbers, booleans, null, bytes, arrays and plain objects. */
function valueArbitrary(negativeZeroBecomesZero: boolean): fc.Arbitrary<unknown> {
  const number = fc.oneof(
    fc.integer(),
    fc.maxSafeInteger(),
    fc.double().map((n) => (negativeZeroBecomesZero && Object.is(n, -0) ? 0 : n)),
  );
  const leaf = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 8 }),
    number,
    fc.boolean(),
    fc.constant(null),
    fc.uint8Array({ maxLength: 8 }),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(messageKey, tie("value"), { maxKeys: 4 }),
    ),
  }));
  return value;
}

export function validMessage(negativeZeroBecomesZero = false): fc.Arbitrary<Message> {
  return fc
    .tuple(
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.dictionary(messageKey, valueArbitrary(negativeZeroBecomesZero), { maxKeys: 4 }),
    )
    .map(([type, rest]) => ({ ...rest, type }) as Message);
}

class Point {
  constructor(readonly x: number) {}
}

/** Values no layer may accept, each with what the error should say about it. */
const badValue = fc.constantFrom<[string, () => unknown]>(
  ["undefined", () => undefined],
  ["bigint", () => 10n],
  ["function", () => () => 1],
  ["symbol", () => Symbol("s")],
  ["Date", () => new Date(0)],
  ["Map", () => new Map()],
  ["Set", () => new Set()],
  ["class instance", () => new Point(1)],
  ["lone surrogate", () => "a\ud800"],
  ["ArrayBuffer", () => new ArrayBuffer(2)],
  ["Int16Array", () => new Int16Array(2)],
);

type Step = { key: string } | { index: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  messageKey.map((key) => ({ key })),
  fc.nat({ max: 3 }).map((index) => ({ index })),
);

/** The key path as the layer kit writes it: `message.payload.items[2]`, odd keys as `["a b"]`. */
function pathText(steps: readonly Step[]): string {
  return steps
    .map((s) =>
      "index" in s ? `[${s.index}]` : /^[A-Za-z_$][\w$]*$/.test(s.key) ? `.${s.key}` : `[${JSON.stringify(s.key)}]`,
    )
    .reduce((text, segment) => text + segment, "message");
}

function nestAt(steps: readonly Step[], leaf: unknown): unknown {
  return steps.reduceRight<unknown>((inner, s) => {
    if ("key" in s) return { [s.key]: inner };
    const array: unknown[] = new Array<unknown>(s.index + 1).fill(null);
    array[s.index] = inner;
    return array;
  }, leaf);
}

/** A message with one bad value (or a key with a lone surrogate, or a cycle) somewhere inside, and the path the error must name. */
export const invalidMessage: fc.Arbitrary<{ message: unknown; names: string }> = fc
  .tuple(
    fc.string({ maxLength: 6 }).filter((k) => k !== "__proto__" && k !== "type"),
    fc.array(step, { maxLength: 4 }),
    fc.oneof(
      badValue.map(([, make]) => ({ kind: "value" as const, make })),
      fc.constant({ kind: "key" as const }),
      fc.constant({ kind: "cycle" as const }),
      fc.constant({ kind: "depth" as const }),
    ),
  )
  .map(([first, steps, bad]) => {
    const all: Step[] = [{ key: first }, ...steps];
    let leaf: unknown;
    let named = all;
    if (bad.kind === "value") leaf = bad.make();
    else if (bad.kind === "key") {
      leaf = { "b\udc00": 1 };
      named = all; // the error names the object holding the bad key
    } else if (bad.kind === "cycle") {
      const loop: Record<string, unknown> = {};
      loop.self = loop;
      leaf = loop;
      named = [...all, { key: "self" }];
    } else {
      let deep: unknown = 1;
      for (let i = 0; i < 120; i++) deep = [deep];
      leaf = deep;
      // The message is at depth 1 and the value at `all` at depth all.length + 1: the first
      // container too deep (the 101st) is 100 - all.length levels into `leaf`.
      named = [...all, ...Array.from({ length: 100 - all.length }, () => ({ index: 0 }))];
    }
    const message = { type: "x", [first]: nestAt(steps, leaf) };
    return { message, names: `${pathText(named)} ` };
  });

/** Not a message at all: not a plain object, or no string type. */
export const notAMessage = fc.constantFrom<unknown>(
  "chat.message",
  42,
  null,
  undefined,
  [{ type: "x" }],
  new Date(0),
  new Point(1),
  new Map([["type", "x"]]),
  {},
  { type: 7 },
  { type: null },
  { type: ["x"] },
);

/** Bytes come back as a Buffer or a Uint8Array, depending on the layer: compare the bytes. */
function comparable(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: [...value] };
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Runs `operation` (which may throw synchronously or reject) and returns what it threw, if anything. */
async function thrownBy(operation: () => Promise<unknown>): Promise<unknown> {
  try {
    return await rejection(operation());
  } catch (error) {
    return error;
  }
}

function expectTypeErrorNaming(error: unknown, text: string): void {
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toContain(text);
}

export function runLayerProperties(options: LayerPropertiesOptions): void {
  const numRuns = options.numRuns ?? 100;
  const pubsub = options.transport === "pubsub";
  const messages = validMessage(options.negativeZeroBecomesZero === true);
  const prefix = fc.oneof(fc.constant(undefined), nameChars(1, 20));

  describe(`${options.name}: random names and messages`, () => {
    let layer: ChannelLayer;
    beforeAll(() => {
      layer = options.newLayer();
    });
    afterAll(async () => {
      await layer.flush();
      await layer.close();
    });

    if (!pubsub) {
      it("a valid message sent to a valid channel name is received equal", async () => {
        await fc.assert(
          fc.asyncProperty(
            validChannelName.filter((n) => !n.includes("!")),
            messages,
            async (channel, message) => {
              await layer.send(channel, message);
              expect(comparable(await layer.receive(channel))).toEqual(comparable(message));
            },
          ),
          { numRuns },
        );
      });
    } else {
      it("a valid channel name can be sent to (nobody listens, nothing is kept)", async () => {
        await fc.assert(
          fc.asyncProperty(validChannelName, messages, async (channel, message) => {
            await layer.send(channel, message);
          }),
          { numRuns },
        );
      });
    }

    it("a valid message sent to a newChannel() channel with a random prefix is received equal", async () => {
      await fc.assert(
        fc.asyncProperty(prefix, messages, async (p, message) => {
          const channel = await layer.newChannel(p);
          expect(isValidChannelName(channel)).toBe(true);
          await layer.send(channel, message);
          expect(comparable(await layer.receive(channel))).toEqual(comparable(message));
          await layer.discardChannel(channel);
        }),
        { numRuns },
      );
    });

    it("a valid message sent to a valid group reaches its member equal, and only while it is one", async () => {
      await fc.assert(
        fc.asyncProperty(validGroupName, messages, async (group, message) => {
          const channel = await layer.newChannel();
          await layer.groupAdd(group, channel);
          await layer.groupSend(group, message);
          expect(comparable(await layer.receive(channel))).toEqual(comparable(message));
          await layer.groupDiscard(group, channel);
          await layer.discardChannel(channel);
        }),
        { numRuns },
      );
    });

    it("an invalid name gets a TypeError naming it from every operation; a valid one is not refused", async () => {
      const message = { type: "x" };
      await fc.assert(
        fc.asyncProperty(anyName, async (name) => {
          const asChannel = isValidChannelName(name);
          const asGroup = isValidGroupName(name);
          const shown = shownName(name);
          const n = name as string;
          const checks: Array<[boolean, () => Promise<unknown>]> = [
            [asChannel, () => layer.send(n, message)],
            [asChannel, () => layer.groupAdd("ok", n)],
            [asChannel, () => layer.groupDiscard("ok", n)],
            [asGroup, () => layer.groupAdd(n, "ok")],
            [asGroup, () => layer.groupDiscard(n, "ok")],
            [asGroup, () => layer.groupSend(n, message)],
          ];
          if (!asChannel) checks.push([false, () => layer.receive(n)]);
          // newChannel(undefined) takes the default prefix.
          if (!asGroup && name !== undefined) checks.push([false, () => layer.newChannel(n)]);
          for (const [valid, operation] of checks) {
            const error = await thrownBy(operation);
            if (valid) expect(error).toBeUndefined();
            else expectTypeErrorNaming(error, shown);
          }
        }),
        { numRuns },
      );
      await layer.flush();
    });

    it("a message with a bad value anywhere inside gets a TypeError naming its key path, from send and groupSend", async () => {
      const channel = await layer.newChannel();
      await fc.assert(
        fc.asyncProperty(invalidMessage, async ({ message, names }) => {
          expectTypeErrorNaming(await thrownBy(() => layer.send(channel, message as Message)), names);
          expectTypeErrorNaming(await thrownBy(() => layer.groupSend("g", message as Message)), names);
        }),
        { numRuns },
      );
      await layer.send(channel, { type: "after" });
      // Nothing refused was delivered: the first message here is the one sent after them.
      expect(await layer.receive(channel)).toEqual({ type: "after" });
    });

    it("something that is not a message gets a TypeError saying what a message is", async () => {
      await fc.assert(
        fc.asyncProperty(notAMessage, async (message) => {
          const error = await thrownBy(() => layer.send("c", message as Message));
          expectTypeErrorNaming(error, "Invalid channel layer message");
          expect((error as Error).message).toMatch(/plain object|message\.type/);
        }),
        { numRuns: Math.min(numRuns, 30) },
      );
    });
  });
}

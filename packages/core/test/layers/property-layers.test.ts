import { InMemoryChannelLayer } from "@channels-ts/core";
import { runLayerProperties } from "@channels-ts/test-fixtures";
import { validateMessage } from "../../src/layers";
import { MAX_MESSAGE_DEPTH } from "../../src/layers/validate-message";

runLayerProperties({ name: "InMemoryChannelLayer", newLayer: () => new InMemoryChannelLayer() });

describe("message depth", () => {
  function nested(containers: number): Record<string, unknown> {
    const message: Record<string, unknown> = { type: "x" };
    let inner = message;
    for (let i = 1; i < containers; i++) inner = (inner.a = {}) as Record<string, unknown>;
    return message;
  }

  it(`accepts ${MAX_MESSAGE_DEPTH} nested objects (msgpack's limit), the message included`, async () => {
    expect(() => validateMessage(nested(MAX_MESSAGE_DEPTH))).not.toThrow();
    const layer = new InMemoryChannelLayer();
    await layer.send("c", nested(MAX_MESSAGE_DEPTH) as never);
    expect(await layer.receive("c")).toEqual(nested(MAX_MESSAGE_DEPTH));
    await layer.close();
  });

  it("refuses one more level, and a very deep message, with a TypeError instead of a stack overflow", async () => {
    expect(() => validateMessage(nested(MAX_MESSAGE_DEPTH + 1))).toThrow(TypeError);
    expect(() => validateMessage(nested(MAX_MESSAGE_DEPTH + 1))).toThrow(/deeper than 100 levels/);
    const layer = new InMemoryChannelLayer();
    await expect(layer.send("c", nested(20_000) as never)).rejects.toThrow(TypeError);
    await expect(layer.groupSend("g", nested(20_000) as never)).rejects.toThrow(/message(\.a){100} nests/);
    await layer.close();
  });
});

import { InvalidLayerOption } from "@channels-ts/core";
import { RedisChannelLayer, RedisPubSubChannelLayer } from "@channels-ts/redis";
import { FakePubSubBus } from "../src/testing/fake-pubsub-bus";

// Nothing connects: both layers check their options before opening any connection.
describe.each([
  ["RedisChannelLayer", (options: object) => new RedisChannelLayer(options as never)],
  ["RedisPubSubChannelLayer", (options: object) => new RedisPubSubChannelLayer(options as never)],
])("%s rejects an option it does not have, by name", (name, make) => {
  it("names the misspelt option, its value and the ones that exist", () => {
    const attempt = () => make({ hosts: ["redis://127.0.0.1:1"], groupExpiray: 10 });
    expect(attempt).toThrow(InvalidLayerOption);
    expect(attempt).toThrow(/option groupExpiray: 10; expected no such option of .*; use hosts, prefix/);
    expect(attempt).toThrow(name);
  });

  it("rejects an unknown key even when its value is undefined (a typo is a typo)", () => {
    expect(() => make({ capacityy: undefined })).toThrow(expect.objectContaining({ option: "capacityy" }));
  });
});

it("the queue layer's own options are not pub/sub options", () => {
  expect(() => new RedisPubSubChannelLayer({ blockSeconds: 1 } as never)).toThrow(
    expect.objectContaining({ code: "INVALID_LAYER_OPTION", option: "blockSeconds" }),
  );
});

it("RedisPubSubChannelLayer: hosts and transport together are a conflict, named", () => {
  expect(() => new RedisPubSubChannelLayer({ hosts: ["redis://x"], transport: new FakePubSubBus().transport })).toThrow(
    expect.objectContaining({ option: "hosts" }),
  );
});

import { randomUUID } from "node:crypto";
import { Decoder, type DecoderOptions } from "@msgpack/msgpack";

// Not exported by name from @msgpack/msgpack.
type KeyDecoder = NonNullable<DecoderOptions["keyDecoder"]>;

const PROTO = "__proto__";
const PROTO_BYTES = Buffer.from(PROTO);
// What the decoder stores an own "__proto__" key under until it is moved back. Random per process,
// so that a peer cannot send it; even one that did would only get an own "__proto__" data key.
const STAND_IN = `\0${PROTO}\0${randomUUID()}`;

/**
 * msgpack decoding that keeps an own `__proto__` key as data, as the in-memory layer does (a
 * message from `JSON.parse` has one) instead of refusing the message as @msgpack/msgpack does.
 * The key must never be assigned (`map["__proto__"] = value` would set the map's prototype: a
 * prototype-pollution hole), so the decoder names it `STAND_IN`, and the objects that hold one are
 * rebuilt with `Object.defineProperty`, key order kept. A message without the bytes `__proto__`
 * anywhere, which is nearly every message, takes the plain decoder and costs one `indexOf`.
 */
export class OwnProtoDecoder {
  private readonly plain = new Decoder();
  private readonly standIn = new Decoder({ keyDecoder: standInKeyDecoder });

  decode(bytes: Uint8Array): unknown {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.indexOf(PROTO_BYTES) === -1) return this.plain.decode(bytes);
    return restoreProtoKeys(this.standIn.decode(bytes));
  }
}

/** Map keys of the length of "__proto__" come here (the others take msgpack's own decoding). */
const standInKeyDecoder: KeyDecoder = {
  canBeCached: (byteLength) => byteLength === PROTO_BYTES.length,
  decode(bytes, inputOffset, byteLength) {
    const key = Buffer.from(bytes.buffer, bytes.byteOffset + inputOffset, byteLength);
    return key.equals(PROTO_BYTES) ? STAND_IN : key.toString("utf8");
  },
};

/** Puts every `STAND_IN` key back as an own `__proto__` data property, in place where it can. */
function restoreProtoKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreProtoKeys(value[i]);
    return value;
  }
  // Only the decoder's own maps: an extension type (a Date) is a value, not a map.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map);
  if (!keys.includes(STAND_IN)) {
    for (const key of keys) map[key] = restoreProtoKeys(map[key]);
    return map;
  }
  const rebuilt: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(rebuilt, key === STAND_IN ? PROTO : key, {
      value: restoreProtoKeys(map[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return rebuilt;
}

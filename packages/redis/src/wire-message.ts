import type { Message } from "@channels-ts/core";

/** The one reserved key channels_redis adds: the destination channel (str) or channels (list). */
export const ASGI_CHANNEL_KEY = "__asgi_channel__";

/** A message read off Redis, split into its payload and its destinations. */
export interface WireMessage {
  message: Message;
  /** Channel names from `__asgi_channel__`, or undefined when the key was absent. */
  channels: string | string[] | undefined;
}

/** Thrown by `parseWireMessage` for data that no channels_redis peer writes. */
export class MalformedWireMessage extends Error {}

/**
 * Check a decoded value is a message as channels_redis writes it: a map with a string `type`,
 * an optional `__asgi_channel__` string or list of strings, and no other `__asgi_` key (the
 * namespace is reserved, so an unknown one means a peer we do not understand).
 */
export function parseWireMessage(value: unknown): WireMessage {
  if (typeof value !== "object" || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new MalformedWireMessage(`expected a map, got ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.type !== "string")
    throw new MalformedWireMessage(`"type" is ${describe(record.type)}, not a string`);
  let channels: string | string[] | undefined;
  for (const key of Object.keys(record)) {
    if (!key.startsWith("__asgi_")) continue;
    if (key !== ASGI_CHANNEL_KEY) throw new MalformedWireMessage(`unknown reserved key ${JSON.stringify(key)}`);
    channels = readChannels(record[key]);
    delete record[key];
  }
  return { message: record as Message, channels };
}

function readChannels(value: unknown): string | string[] {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((name) => typeof name === "string")) return value as string[];
  throw new MalformedWireMessage(`${ASGI_CHANNEL_KEY} is ${describe(value)}, not a string or a list of strings`);
}

function describe(value: unknown): string {
  if (value === null) return "nil";
  if (Array.isArray(value)) return "a list";
  if (ArrayBuffer.isView(value)) return "bytes";
  return typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}

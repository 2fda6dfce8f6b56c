/** Messages as JSON lines between these tests and the Python peers: bytes as {"$bytes": hex}. */
export function toJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("hex") };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

/** A message as the Python side printed it, bytes turned back into Uint8Array. */
export function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.$bytes === "string") return new Uint8Array(Buffer.from(record.$bytes, "hex"));
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromJson(v)]));
  }
  return value;
}

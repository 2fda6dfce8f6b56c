/** Messages as JSON lines between these tests and the Python peers: bytes as {"$bytes": hex}. */
export declare function toJson(value: unknown): unknown;
/** A message as the Python side printed it, bytes turned back into Uint8Array. */
export declare function fromJson(value: unknown): unknown;

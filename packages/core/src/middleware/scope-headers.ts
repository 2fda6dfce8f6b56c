import type { Headers, Scope } from "../types";

/**
 * Every value of header `name` (lower-case) in the scope, in arrival order.
 * Scopes without a `headers` list (lifespan, channel) simply have none.
 */
export function headerValues(scope: Scope, name: string): string[] {
  const headers = scope["headers"];
  const values: string[] = [];
  if (!Array.isArray(headers)) return values;
  for (const [headerName, value] of headers as Headers) {
    if (headerName === name) values.push(value);
  }
  return values;
}

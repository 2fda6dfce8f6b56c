import type { Scope } from "../types";
/**
 * Every value of header `name` (lower-case) in the scope, in arrival order.
 * Scopes without a `headers` list (lifespan, channel) simply have none.
 */
export declare function headerValues(scope: Scope, name: string): string[];

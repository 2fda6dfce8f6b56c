"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.headerValues = headerValues;
/**
 * Every value of header `name` (lower-case) in the scope, in arrival order.
 * Scopes without a `headers` list (lifespan, channel) simply have none.
 */
function headerValues(scope, name) {
    const headers = scope["headers"];
    const values = [];
    if (!Array.isArray(headers))
        return values;
    for (const [headerName, value] of headers) {
        if (headerName === name)
            values.push(value);
    }
    return values;
}
//# sourceMappingURL=scope-headers.js.map
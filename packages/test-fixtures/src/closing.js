"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.closing = closing;
/**
 * `resource`, closed when the `await using` block holding it ends, failed or not:
 * `await using layer = closing(new RedisChannelLayer(...))` instead of try/finally.
 */
function closing(resource) {
    return Object.assign(resource, {
        async [Symbol.asyncDispose]() {
            if ("close" in resource)
                await resource.close();
            else
                await resource.disconnect();
        },
    });
}
//# sourceMappingURL=closing.js.map
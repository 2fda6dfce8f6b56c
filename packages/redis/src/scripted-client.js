"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withScripts = withScripts;
const lua_scripts_1 = require("./lua-scripts");
/** Register the scripts on `client` (once per connection object). */
function withScripts(client) {
    client.defineCommand("layerSend", { numberOfKeys: 1, lua: lua_scripts_1.SEND });
    client.defineCommand("layerGroupSendAll", { numberOfKeys: 1, lua: lua_scripts_1.GROUP_SEND_ALL });
    // Python passes its keys as KEYS, their number varying per call.
    client.defineCommand("layerGroupSendCapped", { lua: lua_scripts_1.GROUP_SEND_CAPPED });
    // Python passes both keys as ARGV (numkeys 0); kept so MONITOR output matches.
    client.defineCommand("layerRestoreInflight", { numberOfKeys: 0, lua: lua_scripts_1.RESTORE_INFLIGHT });
    client.defineCommand("layerDeletePrefix", { numberOfKeys: 0, lua: lua_scripts_1.DELETE_PREFIX });
    return client;
}
//# sourceMappingURL=scripted-client.js.map
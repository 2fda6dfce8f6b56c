"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const server_1 = require("@channels-ts/server");
const channel_layer_config_1 = require("./channel-layer-config");
const chat_logger_1 = require("./chat-logger");
const environment_1 = require("./environment");
const invalid_environment_1 = require("./invalid-environment");
const layer_status_1 = require("./layer-status");
/** `npm start`: the chat on 127.0.0.1:8000 (HOST, PORT, CHANNEL_LAYER and REDIS_URL change that). */
async function main() {
    // Checked before anything starts: a typo stops the process here, with one line naming it.
    const environment = (0, environment_1.readChatEnvironment)(process.env);
    const layer = (0, channel_layer_config_1.configureChannelLayers)(environment.layer);
    (0, layer_status_1.reportLayerStatus)(layer, environment.layer);
    // Loaded after the check: the application module configures layers from the environment too.
    const { application } = await Promise.resolve().then(() => __importStar(require("./application")));
    const server = await (0, server_1.serve)(application, {
        host: environment.host,
        port: environment.port,
        accessLog: environment.accessLog,
    });
    console.log(`chat: open http://${server.address.host}:${server.address.port}/?num=1 ` +
        `(layer: ${environment.layer.kind}, pid ${process.pid})`);
    // The CLI's shutdown: SIGTERM/SIGINT (or, under npm, losing npm's shell) closes the sockets
    // and exits 0; a second signal exits at once.
    (0, server_1.stopOnShutdownSignals)(async () => {
        await server.close();
        await layer.close();
    }, chat_logger_1.chatLogger);
}
main().catch((error) => {
    // A bad variable, a busy port, a listen failure: one line naming the value and the fix.
    if (error instanceof core_1.ChannelsError) {
        console.error(`chat: ${error.message}`);
        process.exit(error instanceof invalid_environment_1.InvalidEnvironment ? invalid_environment_1.INVALID_ENVIRONMENT_EXIT_CODE : 1);
    }
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map
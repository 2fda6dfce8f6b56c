"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.application = void 0;
const core_1 = require("@channels-ts/core");
const consumer_1 = require("./consumer");
const page_1 = require("./page");
exports.application = (0, core_1.ProtocolTypeRouter)({
    http: (0, core_1.URLRouter)([(0, core_1.path)("", page_1.IndexPage.asApp())]),
    websocket: (0, core_1.URLRouter)([(0, core_1.rePath)(String.raw `^room/(?P<group>\w+)/$`, consumer_1.ChatConsumer.asApp())]),
});
//# sourceMappingURL=application.js.map
"use strict";
// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />
Object.defineProperty(exports, "__esModule", { value: true });
exports.PortInUse = exports.ListenFailed = exports.ListenError = exports.TypeScriptLoaderMissing = exports.LifespanStartupFailed = exports.InvalidServerOption = exports.CliUsageError = exports.ApplicationLoadError = exports.stopOnShutdownSignals = exports.silentLogger = exports.logLevels = exports.isLogLevel = exports.createConsoleLogger = exports.consoleLogger = exports.serverDefaults = exports.attach = exports.serve = void 0;
// The public surface of @channels-ts/server, named one by one; anything else is internal.
var serve_1 = require("./serve");
Object.defineProperty(exports, "serve", { enumerable: true, get: function () { return serve_1.serve; } });
var attach_1 = require("./attach");
Object.defineProperty(exports, "attach", { enumerable: true, get: function () { return attach_1.attach; } });
var options_1 = require("./options");
Object.defineProperty(exports, "serverDefaults", { enumerable: true, get: function () { return options_1.serverDefaults; } });
var logger_1 = require("./logger");
Object.defineProperty(exports, "consoleLogger", { enumerable: true, get: function () { return logger_1.consoleLogger; } });
Object.defineProperty(exports, "createConsoleLogger", { enumerable: true, get: function () { return logger_1.createConsoleLogger; } });
Object.defineProperty(exports, "isLogLevel", { enumerable: true, get: function () { return logger_1.isLogLevel; } });
Object.defineProperty(exports, "logLevels", { enumerable: true, get: function () { return logger_1.logLevels; } });
Object.defineProperty(exports, "silentLogger", { enumerable: true, get: function () { return logger_1.silentLogger; } });
var shutdown_signals_1 = require("./shutdown-signals");
Object.defineProperty(exports, "stopOnShutdownSignals", { enumerable: true, get: function () { return shutdown_signals_1.stopOnShutdownSignals; } });
var errors_1 = require("./errors");
Object.defineProperty(exports, "ApplicationLoadError", { enumerable: true, get: function () { return errors_1.ApplicationLoadError; } });
Object.defineProperty(exports, "CliUsageError", { enumerable: true, get: function () { return errors_1.CliUsageError; } });
Object.defineProperty(exports, "InvalidServerOption", { enumerable: true, get: function () { return errors_1.InvalidServerOption; } });
Object.defineProperty(exports, "LifespanStartupFailed", { enumerable: true, get: function () { return errors_1.LifespanStartupFailed; } });
Object.defineProperty(exports, "TypeScriptLoaderMissing", { enumerable: true, get: function () { return errors_1.TypeScriptLoaderMissing; } });
var listen_errors_1 = require("./listen-errors");
Object.defineProperty(exports, "ListenError", { enumerable: true, get: function () { return listen_errors_1.ListenError; } });
Object.defineProperty(exports, "ListenFailed", { enumerable: true, get: function () { return listen_errors_1.ListenFailed; } });
Object.defineProperty(exports, "PortInUse", { enumerable: true, get: function () { return listen_errors_1.PortInUse; } });
//# sourceMappingURL=index.js.map
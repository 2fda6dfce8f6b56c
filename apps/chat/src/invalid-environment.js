"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INVALID_ENVIRONMENT_EXIT_CODE = exports.InvalidEnvironment = void 0;
const core_1 = require("@channels-ts/core");
/**
 * An environment variable the chat cannot start with. The message is one line naming the
 * variable, the value and what to use instead; `npm start` prints it and exits with
 * `INVALID_ENVIRONMENT_EXIT_CODE` before listening.
 */
class InvalidEnvironment extends core_1.ChannelsError {
    variable;
    value;
    constructor(variable, value, problem, fix) {
        super(core_1.ErrorCode.INVALID_ENVIRONMENT, `${variable}=${JSON.stringify(value)} ${problem}; ${fix}.`);
        this.variable = variable;
        this.value = value;
    }
}
exports.InvalidEnvironment = InvalidEnvironment;
/** As a usage error of the CLI: the command was given something it cannot run with. */
exports.INVALID_ENVIRONMENT_EXIT_CODE = 2;
//# sourceMappingURL=invalid-environment.js.map
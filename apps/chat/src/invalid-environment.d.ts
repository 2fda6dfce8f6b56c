import { ChannelsError } from "@channels-ts/core";
/**
 * An environment variable the chat cannot start with. The message is one line naming the
 * variable, the value and what to use instead; `npm start` prints it and exits with
 * `INVALID_ENVIRONMENT_EXIT_CODE` before listening.
 */
export declare class InvalidEnvironment extends ChannelsError {
    readonly variable: string;
    readonly value: string;
    constructor(variable: string, value: string, problem: string, fix: string);
}
/** As a usage error of the CLI: the command was given something it cannot run with. */
export declare const INVALID_ENVIRONMENT_EXIT_CODE = 2;

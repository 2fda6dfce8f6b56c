/** RFC 6455 close codes an endpoint may put on the wire (1004-1006 and 1015 are reserved). */
export declare function isSendableCloseCode(code: unknown): code is number;
/** Close codes `ws` sends for a protocol error, so the application hears the code the client got. */
export declare const ERROR_CLOSE_CODES: Readonly<Record<string, number>>;

/**
 * `text` safe to put in a log line: unsafe characters become `\xNN` (or `\uNNNN`), as nginx
 * does in its access log. Text from the client (a percent-decoded path) can hold anything.
 * Returns `text` itself, without allocating, in the usual case where nothing needs escaping.
 */
export declare function escapeLogText(text: string): string;

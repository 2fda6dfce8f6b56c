/** Absolute path of the executable `command` on PATH, or undefined. */
export declare function findOnPath(command: string): string | undefined;

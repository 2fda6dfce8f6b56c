/**
 * Says loudly that a suite is skipped and why. Jest prints no console output for a file whose
 * tests are all skipped, so the warning also goes straight to stderr.
 */
export declare function warnSkipped(suite: string, why: string): void;

import type { Application } from "@channels-ts/core";
/** `path/to/app.ts:application` -> module and export; the export part is optional. */
export declare function parseTarget(target: string): {
    module: string;
    exportName: string | undefined;
};
/**
 * Loads a module (compiled .js, or .ts through tsx) and returns its application: the named
 * export, else `application`, else `default`, else the module itself if it is a function.
 */
export declare function loadModule(target: string, cwd?: string): {
    module: Record<string, unknown>;
    exportName: string | undefined;
    file: string;
};
export declare function loadApplication(target: string, cwd?: string): Application;

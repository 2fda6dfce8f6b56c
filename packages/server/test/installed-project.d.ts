export interface InstalledProject {
    /** The project folder, in the OS temp dir: outside the monorepo, so nothing of it (tsx) resolves. */
    readonly dir: string;
    /** The `channels-ts` command as npm installs it, run with `node`. */
    readonly bin: string;
    remove(): void;
}
/**
 * A project as a user has it after `npm install @channels-ts/server` without tsx: the packages
 * compiled to dist/ (transpiled here, no type check: the typecheck runs elsewhere), their runtime
 * dependencies linked from the monorepo. `remove()` deletes it.
 */
export declare function installedProject(): InstalledProject;

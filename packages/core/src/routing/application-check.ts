import { NotAnApplication } from "./routing-errors";

/**
 * Rejects, at definition time, the two usual slips: a non-function, and a consumer class
 * passed where its application (`Consumer.asApp()`) belongs. Both would otherwise fail
 * only on the first connection.
 */
export function assertApplication(where: string, app: unknown): void {
  if (typeof app !== "function") {
    throw new NotAnApplication(
      where,
      `${app === null ? "null" : typeof app}`,
      "pass an application: an async (scope, receive, send) function",
    );
  }
  if (/^class[\s{]/.test(Function.prototype.toString.call(app))) {
    const name = (app as { name?: string }).name || "the consumer class";
    throw new NotAnApplication(where, `the class ${name}`, `pass ${name}.asApp() instead`);
  }
}

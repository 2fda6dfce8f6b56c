import type { Application, Message, Receive, Scope, Send } from "@channels-ts/core";

/** An application that records every scope it is called with. */
export interface FakeApp extends Application {
  readonly scopes: Scope[];
  /** The scope of the most recent call; fails the test if there was none. */
  last(): Scope;
}

export function fakeApp(): FakeApp {
  const scopes: Scope[] = [];
  const app = async (scope: Scope): Promise<void> => {
    scopes.push(scope);
  };
  return Object.assign(app, {
    scopes,
    last(): Scope {
      const scope = scopes[scopes.length - 1];
      if (scope === undefined) throw new Error("fake application was never called");
      return scope;
    },
  });
}

export const receive: Receive = async (): Promise<Message> => ({ type: "test.never" });
export const send: Send = async (): Promise<void> => undefined;

/** Calls `app` with a fresh scope built from `fields`. */
export function call(app: Application, fields: Record<string, unknown>): Promise<void> {
  return app({ type: "http", ...fields } as Scope, receive, send);
}

/**
 * Handlers by name, each list copied before a call so a handler may remove itself. A handler that
 * throws does not stop the others: `onThrow` hears about it.
 */
export class Listeners<Events extends object> {
  private readonly byName = new Map<keyof Events, Array<(payload: never) => void>>();

  constructor(private readonly onThrow: (name: string, error: unknown) => void) {}

  add<E extends keyof Events>(name: E, handler: (payload: Events[E]) => void): () => void {
    const list = this.byName.get(name) ?? [];
    list.push(handler);
    this.byName.set(name, list);
    return () => {
      const current = this.byName.get(name);
      const at = current?.indexOf(handler) ?? -1;
      if (current !== undefined && at >= 0) current.splice(at, 1);
    };
  }

  emit<E extends keyof Events>(name: E, payload: Events[E]): void {
    const list = this.byName.get(name);
    if (list === undefined || list.length === 0) return;
    for (const handler of [...list]) {
      try {
        (handler as (payload: Events[E]) => void)(payload);
      } catch (error) {
        this.onThrow(String(name), error);
      }
    }
  }

  has(name: keyof Events): boolean {
    return (this.byName.get(name)?.length ?? 0) > 0;
  }
}

/**
 * Runs `refresh` every `intervalMs` on an unref'd timer (it never keeps a process alive), started
 * with the first membership and stopped with the layer. Errors go to `onError`: a refresh that
 * fails (Redis down) is retried by the next tick and by the reconnect restore.
 */
export class MembershipRefresher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    private readonly refresh: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.timer !== undefined || !(this.intervalMs > 0)) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    if (this.running) return;
    this.running = true;
    this.refresh()
      .catch(this.onError)
      .finally(() => {
        this.running = false;
      });
  }
}

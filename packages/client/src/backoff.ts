/** How long to wait before reconnect attempts. */
export interface BackoffOptions {
  /** Delay before the first attempt, before jitter. Default 500. */
  initialDelayMs: number;
  /** Each attempt waits `factor` times longer than the one before. Default 2. */
  factor: number;
  /** Cap on the delay, before jitter. Default 30000. */
  maxDelayMs: number;
  /** Fraction of the delay taken off at random, 0 to 1 (0.5: between half and all of it). Default 0.5. */
  jitter: number;
}

/**
 * The delay before reconnect attempt `attempt` (1 for the first): exponential, capped, then
 * jittered downwards so that a thousand pages dropped by one restart do not come back in step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponential = options.initialDelayMs * options.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return Math.round(capped * (1 - options.jitter * random()));
}

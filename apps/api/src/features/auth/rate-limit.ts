import { AppError } from '../../errors/app-error.js';

/**
 * Counts failed attempts per key (IP + email) in a fixed window, in memory: one process is
 * what we run. Several API processes behind a balancer would each allow the limit; move this
 * to a shared store (a table or Redis) before scaling out.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly maxFailures = 10,
    readonly windowMs = 15 * 60_000,
  ) {}

  /** Throws 429 (details.retryAfterSeconds) when the key has used up its failures. */
  check(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) return;
    if (entry.count >= this.maxFailures) {
      const retryAfterSeconds = Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
      throw new AppError(429, 'too_many_attempts', 'too many failed attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size >= 10_000) this.sweep(now);
      this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
    } else {
      entry.count += 1;
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}

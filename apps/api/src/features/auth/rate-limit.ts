import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';

/** A fixed-window limit: at most `maxFailures` failures per key per `windowMs`. */
export interface Limit {
  maxFailures: number;
  windowMs: number;
}

/**
 * Login limits, counted per hashed key in the `login_attempts` table, so they survive a restart
 * and hold across processes (several API workers, or a restart mid-attack):
 * - IP + email (10 per 15 min): one guesser on one account;
 * - IP (100 per 15 min): one guesser spraying many accounts;
 * - email (30 per 15 min, from any IP): the account lockout, against guessing from many IPs.
 *   It is time-bound, so a locked-out owner waits at most the window.
 * The IP is `req.ip`: the socket's address unless TRUST_PROXY names the proxy in front.
 */
export const LOGIN_LIMITS = {
  perEmail: { maxFailures: 10, windowMs: 15 * 60_000 },
  perIp: { maxFailures: 100, windowMs: 15 * 60_000 },
  perAccount: { maxFailures: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

export type LoginLimits = typeof LOGIN_LIMITS;

const hashKey = (kind: string, value: string) =>
  createHash('sha256').update(`${kind}\u0000${value}`).digest('base64url');

function keysOf(ip: string, email: string, limits: LoginLimits) {
  const normalized = email.trim().toLowerCase();
  return [
    { key: hashKey('ip+email', `${ip}|${normalized}`), limit: limits.perEmail },
    { key: hashKey('ip', ip), limit: limits.perIp },
    { key: hashKey('email', normalized), limit: limits.perAccount },
  ];
}

/** Throws 429 too_many_attempts (details.retryAfterSeconds) when any limit is used up. */
export async function checkLogin(
  db: Kysely<Database>,
  ip: string,
  email: string,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<void> {
  const keys = keysOf(ip, email, limits);
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', 'failures', 'reset_at'])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where('reset_at', '>', sql<Date>`now()`)
    .execute();
  let retryAt = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)!.limit;
    if (row.failures >= limit.maxFailures) {
      retryAt = Math.max(retryAt, new Date(row.reset_at).getTime());
    }
  }
  if (retryAt > 0) {
    const retryAfterSeconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
    throw new AppError(429, 'too_many_attempts', 'too many failed attempts; try again later', {
      retryAfterSeconds,
    });
  }
}

/** Counts one failure against every key (one statement: concurrent failures all count). */
export async function recordLoginFailure(
  db: Kysely<Database>,
  ip: string,
  email: string,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<void> {
  const keys = keysOf(ip, email, limits);
  await db
    .insertInto('login_attempts')
    .values(
      keys.map(({ key, limit }) => ({
        key,
        failures: 1,
        reset_at: sql<Date>`now() + ${`${limit.windowMs} milliseconds`}::interval`,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_attempts.reset_at <= now() then 1 else login_attempts.failures + 1 end`,
        reset_at: sql<Date>`case when login_attempts.reset_at <= now() then excluded.reset_at else login_attempts.reset_at end`,
      }),
    )
    .execute();
  // Expired counters are dead weight: drop a few now and then.
  if (Math.random() < 0.02) {
    await db
      .deleteFrom('login_attempts')
      .where('reset_at', '<', sql<Date>`now()`)
      .execute();
  }
}

/** A successful sign-in clears its IP + email and account counters (not the IP's). */
export async function recordLoginSuccess(
  db: Kysely<Database>,
  ip: string,
  email: string,
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<void> {
  const [ipEmail, , account] = keysOf(ip, email, limits);
  await db.deleteFrom('login_attempts').where('key', 'in', [ipEmail!.key, account!.key]).execute();
}

/**
 * Counts failed attempts per key in a fixed window, in memory (for callers without a
 * database; the login limiter uses the table above).
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

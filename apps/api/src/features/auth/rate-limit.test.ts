import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import { AttemptLimiter } from './rate-limit.js';

describe('AttemptLimiter', () => {
  it('when a key fails the maximum within the window, then it is blocked until the window ends', () => {
    const limiter = new AttemptLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      limiter.check('k', 1000 + i);
      limiter.fail('k', 1000 + i);
    }
    let error: unknown;
    try {
      limiter.check('k', 31_000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).details).toEqual({ retryAfterSeconds: 30 });
    expect(() => limiter.check('other', 31_000)).not.toThrow();
    expect(() => limiter.check('k', 61_000)).not.toThrow();
  });

  it('when a key succeeds, then its failures are forgotten', () => {
    const limiter = new AttemptLimiter(2, 60_000);
    limiter.fail('k', 0);
    limiter.fail('k', 1);
    limiter.succeed('k');
    expect(() => limiter.check('k', 2)).not.toThrow();
  });
});

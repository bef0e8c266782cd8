import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfgs, digamma, lgamma, log1pExp, logSumExp, nelderMead } from './optimize.js';

describe('nelderMead', () => {
  it('when minimising the Rosenbrock valley from (−1.2, 1), then it reaches (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.fx).toBeLessThan(1e-12);
  });

  it('when minimising a 4-d quadratic with different scales, then every coordinate is found', () => {
    const centre = [3, -2, 0.5, 10];
    const scales = [1, 100, 0.01, 5];
    const f = (x: readonly number[]) =>
      x.reduce((s, xi, i) => s + (scales[i] ?? 1) * (xi - (centre[i] ?? 0)) ** 2, 0);
    const result = nelderMead(f, [0, 0, 0, 0]);
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(centre[i] ?? 0, 4));
  });

  it('when the objective is NaN outside its domain, then it is treated as +∞ and avoided', () => {
    const f = ([x = 0]: readonly number[]) => (x <= 0 ? Number.NaN : (Math.log(x) - 1) ** 2);
    const result = nelderMead(f, [0.5], { initialStep: 2 });
    expect(result.x[0]).toBeCloseTo(Math.E, 6);
  });

  it('when the iteration budget is too small, then it says it did not converge', () => {
    const f = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = nelderMead(f, [-1.2, 1], { maxIterations: 5 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(5);
  });

  it('when x0 is empty or not finite, then it throws a RangeError', () => {
    expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
    expect(() => nelderMead(() => 0, [Number.NaN])).toThrow(RangeError);
  });
});

describe('lgamma', () => {
  it('when given known points, then it returns ln Γ to about 1e-14', () => {
    expect(lgamma(1)).toBeCloseTo(0, 13);
    expect(lgamma(2)).toBeCloseTo(0, 13);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(171)).toBeCloseTo(706.5730622457874, 10); // ln 170!
    // Γ(x) ≈ 1/x − γ near 0
    expect(lgamma(1e-10)).toBeCloseTo(-Math.log(1e-10) - 0.5772156649e-10, 12);
  });

  it('when x crosses the Stirling threshold, then Γ(x+1) = x Γ(x) still holds', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const lhs = lgamma(x + 1) - lgamma(x);
        expect(Math.abs(lhs - Math.log(x))).toBeLessThan(1e-12 * Math.max(1, Math.abs(lgamma(x))));
      }),
    );
  });

  it('when x ≤ 0 or NaN, then it returns NaN for the caller to reject', () => {
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1.5)).toBeNaN();
    expect(lgamma(Number.NaN)).toBeNaN();
  });
});

describe('logSumExp and log1pExp', () => {
  it('when the terms would overflow or underflow exp, then the result is still exact', () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logSumExp(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(-800)).toBeCloseTo(0, 300);
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
  });
});

describe('bfgs', () => {
  const rosenbrock = ([x = 0, y = 0]: readonly number[]) => ({
    f: 100 * (y - x * x) ** 2 + (1 - x) ** 2,
    gradient: [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)],
  });

  it('when minimising the Rosenbrock valley with its gradient, then it reaches (1, 1) in few evaluations', () => {
    const result = bfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
    expect(result.evaluations).toBeLessThan(200);
  });

  it('when the objective is infinite outside its domain, then the line search backs off', () => {
    // f = x − ln x on x > 0, minimum at x = 1; starting far right, a full step would cross 0.
    const f = ([x = 0]: readonly number[]) =>
      x > 0 ? { f: x - Math.log(x), gradient: [1 - 1 / x] } : { f: Infinity, gradient: [0] };
    const result = bfgs(f, [50]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
  });

  it('when the budget is one iteration, then it reports no convergence', () => {
    expect(bfgs(rosenbrock, [-1.2, 1], { maxIterations: 1 }).converged).toBe(false);
  });
});

describe('digamma', () => {
  it('when given known points, then it returns ψ', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 14);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 13);
    expect(digamma(1e-8)).toBeCloseTo(-1e8 - eulerGamma, 6);
    expect(digamma(0)).toBeNaN();
  });

  it('when x varies, then ψ(x+1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThan(1e-12 * (1 + 1 / x));
      }),
    );
  });
});

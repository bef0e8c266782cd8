/**
 * Numerical building blocks for the predicted-LTV models: two minimisers (derivative-free
 * Nelder–Mead with restarts, and BFGS for when a gradient is available), log Γ, ψ (digamma) and
 * stable log-sum-exp helpers.
 *
 * Pure functions, no I/O, no dependencies. Written from the textbook definitions:
 * - Nelder & Mead (1965), with the usual coefficients (reflect 1, expand 2, contract ½, shrink ½);
 * - BFGS with a backtracking Armijo line search (Nocedal & Wright, Numerical Optimization, ch. 6);
 * - log Γ by the recurrence Γ(x + 1) = x Γ(x) up to x ≥ 15, then Stirling's series with
 *   Bernoulli-number terms up to x⁻¹¹ (truncation error below 1e-17 there); ψ likewise.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Stirling's series coefficients B₂ₖ / (2k(2k−1)) for k = 1…6. */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360] as const;

const STIRLING_FROM = 15;

/**
 * ln Γ(x) for x > 0 (absolute error about 1e-14 near the zeros at 1 and 2, relative 1e-15
 * elsewhere). Returns NaN for x ≤ 0 or NaN: it sits in hot loops, so callers validate first.
 */
export function lgamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let shift = 0;
  if (x < STIRLING_FROM) {
    // Γ(x) = Γ(x + n) / (x (x + 1) … (x + n − 1)); the product stays below 15! ≈ 1.3e12.
    let product = 1;
    while (x < STIRLING_FROM) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  let power = inv;
  for (const c of STIRLING) {
    series += c * power;
    power *= inv2;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
}

/** ln(eᵘ + eᵛ) without overflow; −∞ when both are −∞. */
export function logSumExp(u: number, v: number): number {
  const hi = u > v ? u : v;
  const lo = u > v ? v : u;
  if (hi === Number.NEGATIVE_INFINITY) return hi;
  return hi + Math.log1p(Math.exp(lo - hi));
}

/** ln(1 + eᵘ) without overflow. */
export function log1pExp(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

export interface NelderMeadOptions {
  /** Size of the initial simplex along each axis (one number for all). Default 0.5. */
  initialStep?: number | readonly number[];
  /** Maximum iterations over all restarts. Default 5000. */
  maxIterations?: number;
  /** Stop when the simplex values spread less than fTolerance · (1 + |f|). Default 1e-12. */
  fTolerance?: number;
  /** … and its vertices lie within xTolerance of the best one on every axis. Default 1e-9. */
  xTolerance?: number;
  /**
   * After convergence, rebuild a fresh simplex around the best point and run again, up to this
   * many times, until a restart stops improving. Protects against the simplex collapsing early.
   * Default 6.
   */
  maxRestarts?: number;
  /** Size of a restart simplex relative to the initial one. Default 0.1. */
  restartStepScale?: number;
}

export interface OptimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  restarts: number;
  /** False when maxIterations ran out before the tolerances were met. */
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

/**
 * Minimises f with Nelder–Mead and restarts. Non-finite values of f are treated as +∞, so an
 * objective may simply return NaN or ∞ outside its domain.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): OptimizeResult {
  const n = x0.length;
  if (n === 0) throw new RangeError('nelderMead: x0 must have at least one coordinate');
  if (!x0.every(Number.isFinite)) throw new RangeError('nelderMead: x0 must be finite');
  const maxIterations = options.maxIterations ?? 5000;
  const fTolerance = options.fTolerance ?? 1e-12;
  const xTolerance = options.xTolerance ?? 1e-9;
  const maxRestarts = options.maxRestarts ?? 6;
  const steps = stepsOf(options.initialStep ?? 0.5, n);
  const restartScale = options.restartStepScale ?? 0.1;
  if (!(restartScale > 0) || !Number.isFinite(restartScale)) {
    throw new RangeError('nelderMead: restartStepScale must be a finite number > 0');
  }
  const restartSteps = steps.map((s) => s * restartScale);

  let evaluations = 0;
  const evaluate = (x: number[]): Vertex => {
    evaluations += 1;
    const value = f(x);
    return { x, f: Number.isFinite(value) ? value : Number.POSITIVE_INFINITY };
  };

  let best = evaluate([...x0]);
  let iterations = 0;
  let restarts = 0;
  let converged = false;

  for (;;) {
    const run = simplexRun(
      evaluate,
      best,
      restarts === 0 ? steps : restartSteps,
      maxIterations - iterations,
      fTolerance,
      xTolerance,
    );
    iterations += run.iterations;
    const improvement = best.f - run.best.f;
    const moved = maxAbsDiff(best.x, run.best.x);
    if (run.best.f <= best.f) best = run.best;
    if (!run.converged) break;
    // A restart that neither lowers f nor moves the point means we are at a true minimum.
    const settled =
      restarts > 0 &&
      improvement <= fTolerance * (1 + Math.abs(best.f)) &&
      moved <= xTolerance * 10;
    if (settled || restarts >= maxRestarts) {
      converged = true;
      break;
    }
    restarts += 1;
  }
  return { x: best.x, fx: best.f, iterations, evaluations, restarts, converged };
}

function stepsOf(step: number | readonly number[], n: number): number[] {
  const steps = typeof step === 'number' ? new Array<number>(n).fill(step) : [...step];
  if (steps.length !== n || !steps.every((s) => Number.isFinite(s) && s !== 0)) {
    throw new RangeError('nelderMead: initialStep must be non-zero and match x0 in length');
  }
  return steps;
}

function maxAbsDiff(u: readonly number[], v: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < u.length; i++) m = Math.max(m, Math.abs((u[i] ?? 0) - (v[i] ?? 0)));
  return m;
}

function simplexRun(
  evaluate: (x: number[]) => Vertex,
  start: Vertex,
  steps: readonly number[],
  iterationBudget: number,
  fTolerance: number,
  xTolerance: number,
): { best: Vertex; iterations: number; converged: boolean } {
  const n = start.x.length;
  const simplex: Vertex[] = [start];
  for (let i = 0; i < n; i++) {
    const x = [...start.x];
    x[i] = (x[i] ?? 0) + (steps[i] ?? 0);
    simplex.push(evaluate(x));
  }
  const byValue = (u: Vertex, v: Vertex) => u.f - v.f;
  const combine = (centroid: number[], worst: number[], coefficient: number) =>
    centroid.map((c, i) => c + coefficient * (c - (worst[i] ?? 0)));

  let iterations = 0;
  for (; iterations < iterationBudget; iterations++) {
    simplex.sort(byValue);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    const secondWorst = simplex[n - 1] as Vertex;

    const spreadF = worst.f - best.f;
    const spreadX = Math.max(...simplex.map((v) => maxAbsDiff(v.x, best.x)));
    if (
      (spreadF <= fTolerance * (1 + Math.abs(best.f)) || !Number.isFinite(best.f)) &&
      spreadX <= xTolerance
    ) {
      return { best, iterations, converged: true };
    }

    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const v = simplex[k] as Vertex;
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] ?? 0) + (v.x[i] ?? 0) / n;
    }

    const reflected = evaluate(combine(centroid, worst.x, 1));
    if (reflected.f < best.f) {
      const expanded = evaluate(combine(centroid, worst.x, 2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
      continue;
    }
    if (reflected.f < secondWorst.f) {
      simplex[n] = reflected;
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = reflected.f < worst.f;
    const contracted = evaluate(combine(centroid, worst.x, outside ? 0.5 : -0.5));
    if (contracted.f < (outside ? reflected.f : worst.f)) {
      simplex[n] = contracted;
      continue;
    }
    for (let k = 1; k <= n; k++) {
      const v = simplex[k] as Vertex;
      simplex[k] = evaluate(v.x.map((xi, i) => (best.x[i] ?? 0) + 0.5 * (xi - (best.x[i] ?? 0))));
    }
  }
  simplex.sort(byValue);
  return { best: simplex[0] as Vertex, iterations, converged: false };
}

/** Asymptotic-series coefficients of ψ: B₂ₖ / (2k) for k = 1…6. */
const DIGAMMA = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760] as const;

/**
 * ψ(x) = d ln Γ(x) / dx for x > 0, by the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 15, then
 * ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ). NaN for x ≤ 0 or NaN.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let shift = 0;
  while (x < STIRLING_FROM) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  let series = 0;
  let power = inv2;
  for (const c of DIGAMMA) {
    series += c * power;
    power *= inv2;
  }
  return Math.log(x) - 0.5 / x - series - shift;
}

export interface BfgsOptions {
  /** Maximum iterations. Default 500. */
  maxIterations?: number;
  /** Converged when every |∂f/∂xᵢ| ≤ gradientTolerance · (1 + |f|). Default 1e-10. */
  gradientTolerance?: number;
  /** … or when a step changes f by ≤ fTolerance · (1 + |f|) and x by ≤ xTolerance. */
  fTolerance?: number;
  xTolerance?: number;
}

export interface ValueAndGradient {
  f: number;
  gradient: number[];
}

/**
 * Minimises f with BFGS (inverse-Hessian updates) and a backtracking Armijo line search, given
 * the gradient. Non-finite values are treated as +∞ (the line search backs off). The update is
 * skipped when the curvature condition sᵀy > 0 fails, and the search direction falls back to
 * steepest descent when it is not a descent direction.
 */
export function bfgs(
  fg: (x: readonly number[]) => ValueAndGradient,
  x0: readonly number[],
  options: BfgsOptions = {},
): OptimizeResult {
  const n = x0.length;
  if (n === 0) throw new RangeError('bfgs: x0 must have at least one coordinate');
  if (!x0.every(Number.isFinite)) throw new RangeError('bfgs: x0 must be finite');
  const maxIterations = options.maxIterations ?? 500;
  const gTol = options.gradientTolerance ?? 1e-10;
  const fTol = options.fTolerance ?? 1e-15;
  const xTol = options.xTolerance ?? 1e-10;

  let evaluations = 0;
  const evaluate = (x: number[]): ValueAndGradient => {
    evaluations += 1;
    const r = fg(x);
    const ok = Number.isFinite(r.f) && r.gradient.length === n && r.gradient.every(Number.isFinite);
    return ok ? r : { f: Number.POSITIVE_INFINITY, gradient: r.gradient };
  };
  const dot = (u: readonly number[], v: readonly number[]) =>
    u.reduce((s, ui, i) => s + ui * (v[i] ?? 0), 0);
  const identity = (): number[][] =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

  let x = [...x0];
  let current = evaluate(x);
  if (!Number.isFinite(current.f)) {
    return { x, fx: current.f, iterations: 0, evaluations, restarts: 0, converged: false };
  }
  let H = identity();
  let fresh = true; // H is the identity: d is steepest descent
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const g = current.gradient;
    if (g.every((gi) => Math.abs(gi) <= gTol * (1 + Math.abs(current.f)))) {
      converged = true;
      break;
    }
    let d = H.map((row) => -dot(row, g));
    let slope = dot(g, d);
    if (!(slope < 0)) {
      H = identity();
      fresh = true;
      d = g.map((gi) => -gi);
      slope = dot(g, d);
    }
    // Backtracking line search (Armijo); the first step of a fresh H is kept small.
    let t = 1;
    const maxStep = Math.max(...d.map(Math.abs));
    if (maxStep > 2) t = 2 / maxStep;
    let next: ValueAndGradient | undefined;
    let xNext: number[] = x;
    for (let k = 0; k < 60; k++) {
      xNext = x.map((xi, i) => xi + t * (d[i] ?? 0));
      const trial = evaluate(xNext);
      if (trial.f <= current.f + 1e-4 * t * slope) {
        next = trial;
        break;
      }
      t /= 2;
    }
    if (next === undefined) {
      // No decrease along d: if d was already steepest descent we are at the floor.
      if (fresh) {
        converged = g.every((gi) => Math.abs(gi) <= 1e-6 * (1 + Math.abs(current.f)));
        break;
      }
      fresh = true;
      H = identity();
      continue;
    }
    const s = xNext.map((xi, i) => xi - (x[i] ?? 0));
    const y = next.gradient.map((gi, i) => gi - (g[i] ?? 0));
    const fChange = current.f - next.f;
    x = xNext;
    current = next;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) {
        // Scale the initial inverse Hessian to the observed curvature (Nocedal & Wright 6.20).
        const scale = sy / dot(y, y);
        H = H.map((row) => row.map((h) => h * scale));
      }
      fresh = false;
      const rho = 1 / sy;
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      // H ← H − ρ (s Hyᵀ + Hy sᵀ) + (ρ² yᵀHy + ρ) s sᵀ
      H = H.map((row, i) =>
        row.map(
          (h, j) =>
            h -
            rho * ((s[i] ?? 0) * (Hy[j] ?? 0) + (Hy[i] ?? 0) * (s[j] ?? 0)) +
            (rho * rho * yHy + rho) * (s[i] ?? 0) * (s[j] ?? 0),
        ),
      );
    }
    if (fChange <= fTol * (1 + Math.abs(current.f)) && Math.max(...s.map(Math.abs)) <= xTol) {
      converged = true;
      iterations += 1;
      break;
    }
  }
  return { x, fx: current.f, iterations, evaluations, restarts: 0, converged };
}

/**
 * BFGS with the gradient (unless `optimizer` is 'nelder-mead'), then Nelder–Mead from where it
 * stopped when it did not converge: the fitting recipe of BG/NBD and Gamma-Gamma. Iterations and
 * evaluations are summed over both.
 */
export function minimizeWithFallback(
  f: (x: readonly number[]) => number,
  fg: (x: readonly number[]) => ValueAndGradient,
  x0: readonly number[],
  options: { optimizer?: 'bfgs' | 'nelder-mead'; maxIterations?: number } = {},
): OptimizeResult {
  const budget =
    options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations };
  let result: OptimizeResult | undefined;
  let iterations = 0;
  let evaluations = 0;
  if ((options.optimizer ?? 'bfgs') === 'bfgs') {
    result = bfgs(fg, x0, budget);
    iterations += result.iterations;
    evaluations += result.evaluations;
  }
  if (result === undefined || !result.converged) {
    const from = result !== undefined && Number.isFinite(result.fx) ? result.x : x0;
    result = nelderMead(f, from, budget);
    iterations += result.iterations;
    evaluations += result.evaluations;
  }
  return { ...result, iterations, evaluations };
}

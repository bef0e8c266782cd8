/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for
 * customer base analysis"; the Gamma-Gamma form is Fader & Hardie's note "The Gamma-Gamma model
 * of monetary value", 2013).
 *
 * Each transaction value of a customer is Gamma(p, ν) (shape p, rate ν), so its mean is p/ν;
 * across customers ν ~ Gamma(q, v) (shape q, rate v). What we observe per customer is x, the
 * number of repeat transactions, and z̄ (monetaryValue), their average value; customers with
 * x = 0 carry no spend information and are left out of the fit. The model assumes spend is
 * independent of purchase frequency; check the correlation of x and z̄ before relying on it.
 * Money is in whatever unit the caller uses (yuan, fen, dollars); v is in that unit.
 */
import { digamma, lgamma, minimizeWithFallback } from './optimize.js';

export interface GammaGammaRow {
  frequency: number;
  monetaryValue: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Σ over the customers used (frequency > 0) of the log-likelihood (penalty excluded). */
  logLikelihood: number;
  /** Customers used in the fit: those with frequency > 0. */
  customers: number;
  /** Distinct (frequency, monetaryValue) pairs the likelihood was evaluated over. */
  groups: number;
  /**
   * Pearson correlation of frequency and monetaryValue over the customers used. The model
   * assumes they are independent; near 0 is fine (CDNOW: 0.11), a strong one is a warning.
   * Null when either is constant.
   */
  frequencySpendCorrelation: number | null;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface GammaGammaFitOptions {
  /** Starting point. Default p = 2, q = 3, v = mean monetary value. */
  initialParams?: Partial<GammaGammaParams>;
  /** L2 penalty: minimise −LL / customers + penalizer · (p² + q² + v²). Default 0. */
  penalizer?: number;
  /**
   * 'bfgs' (default): quasi-Newton with the analytic gradient, falling back to Nelder–Mead from
   * its best point when it does not converge. 'nelder-mead': derivative-free only.
   */
  optimizer?: 'bfgs' | 'nelder-mead';
  /** Iteration budget of each optimiser. Defaults: BFGS 500, Nelder–Mead 5000. */
  maxIterations?: number;
}

function fail(message: string): never {
  throw new RangeError(message);
}

/** Throws a RangeError unless the row is a valid (frequency, monetaryValue) pair. */
export function assertGammaGammaRow(row: GammaGammaRow, index?: number): void {
  const where = index === undefined ? 'Gamma-Gamma row' : `Gamma-Gamma row ${index}`;
  const { frequency: x, monetaryValue: m } = row;
  if (!Number.isFinite(x) || !Number.isFinite(m)) {
    fail(`${where}: frequency and monetaryValue must be finite numbers`);
  }
  if (!Number.isInteger(x) || x < 0) fail(`${where}: frequency must be an integer ≥ 0, got ${x}`);
  if (m < 0) fail(`${where}: monetaryValue must be ≥ 0, got ${m}`);
  if (x > 0 && m === 0) {
    fail(`${where}: monetaryValue must be > 0 when frequency > 0 (drop zero-value transactions)`);
  }
}

/** Throws a RangeError unless every parameter is a finite positive number. */
export function assertGammaGammaParams(params: GammaGammaParams): void {
  for (const key of ['p', 'q', 'v'] as const) {
    const value = params[key];
    if (!Number.isFinite(value) || value <= 0) {
      fail(`Gamma-Gamma parameter ${key} must be a finite number > 0, got ${value}`);
    }
  }
}

/**
 * ln f(z̄ | x) for one customer with x > 0: the mean of x Gamma(p, ν) values is Gamma(px, νx);
 * integrating ν over Gamma(q, v) gives
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(v + x z̄).
 */
function rowLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  const px = p * x;
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(v) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(v + x * m)
  );
}

/** Σ ln f over rows with frequency > 0, row by row (the plain reference). */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  rows: readonly GammaGammaRow[],
): number {
  assertGammaGammaParams(params);
  let sum = 0;
  rows.forEach((row, i) => {
    assertGammaGammaRow(row, i);
    if (row.frequency > 0) sum += rowLogLikelihood(params, row.frequency, row.monetaryValue);
  });
  return sum;
}

/**
 * Customers grouped by (x, z̄), sorted, with what the likelihood needs of them precomputed: per
 * distinct x its customers; over all groups the sums that do not depend on the parameters.
 */
interface Grouped {
  customers: number;
  /** Per group (sorted by x, then z̄). */
  x: Float64Array;
  m: Float64Array;
  weight: Float64Array;
  /** Distinct x, ascending, and the customers with each. */
  xValues: Float64Array;
  xWeight: Float64Array;
  /** Σ w ln z̄ and Σ w x ln z̄ over the groups. */
  sumLogM: number;
  sumXLogM: number;
}

/** Customers as columns (index i = one customer). */
export interface GammaGammaColumns {
  frequency: ArrayLike<number>;
  monetaryValue: ArrayLike<number>;
}

/**
 * Validates and groups: the customers with x > 0 are bucketed by x, each bucket's spends sorted
 * (a typed-array sort) and counted, so groups come out sorted by (x, z̄) whatever the row order.
 */
function group(rows: GammaGammaColumns): Grouped {
  const n = rows.frequency.length;
  if (n === 0) fail('Gamma-Gamma: rows must not be empty');
  if (rows.monetaryValue.length !== n) fail('Gamma-Gamma: the columns must have the same length');
  const row: GammaGammaRow = { frequency: 0, monetaryValue: 0 };
  const perX = new Map<number, number>();
  let customers = 0;
  for (let i = 0; i < n; i++) {
    row.frequency = rows.frequency[i] as number;
    row.monetaryValue = rows.monetaryValue[i] as number;
    assertGammaGammaRow(row, i);
    if (row.frequency === 0) continue;
    customers += 1;
    perX.set(row.frequency, (perX.get(row.frequency) ?? 0) + 1);
  }
  if (customers === 0) {
    fail('Gamma-Gamma: no row has frequency > 0; the spend model needs repeat buyers');
  }
  const xValues = Float64Array.from(perX.keys()).sort();
  const xWeight = Float64Array.from(xValues, (x) => perX.get(x) as number);
  const next = new Map<number, number>(); // where the next spend of each x goes
  let start = 0;
  xValues.forEach((x, j) => {
    next.set(x, start);
    start += xWeight[j] as number;
  });
  const spends = new Float64Array(customers);
  for (let i = 0; i < n; i++) {
    const x = rows.frequency[i] as number;
    if (x === 0) continue;
    const at = next.get(x) as number;
    spends[at] = rows.monetaryValue[i] as number;
    next.set(x, at + 1);
  }
  const gx: number[] = [];
  const gm: number[] = [];
  const gw: number[] = [];
  let sumLogM = 0;
  let sumXLogM = 0;
  start = 0;
  xValues.forEach((x, j) => {
    const end = start + (xWeight[j] as number);
    const bucket = spends.subarray(start, end).sort();
    for (let k = 0; k < bucket.length;) {
      const m = bucket[k] as number;
      let w = 1;
      while (k + w < bucket.length && bucket[k + w] === m) w += 1;
      gx.push(x);
      gm.push(m);
      gw.push(w);
      const logM = Math.log(m);
      sumLogM += w * logM;
      sumXLogM += w * x * logM;
      k += w;
    }
    start = end;
  });
  return {
    customers,
    x: Float64Array.from(gx),
    m: Float64Array.from(gm),
    weight: Float64Array.from(gw),
    xValues,
    xWeight,
    sumLogM,
    sumXLogM,
  };
}

/**
 * Σ ln f over the grouped customers (see rowLogLikelihood), and with `gradient` its gradient
 * with respect to (p, q, v):
 *   Σ ln f = N (q ln v − ln Γ(q)) + Σ_x N_x (ln Γ(px+q) − ln Γ(px) + px ln x)
 *            + p Σ w x ln z̄ − Σ w ln z̄ − Σ w (px+q) ln(v + x z̄)
 *   ∂/∂p = Σ_x N_x x (ψ(px+q) − ψ(px) + ln x) + Σ w x ln z̄ − Σ w x ln(v + x z̄)
 *   ∂/∂q = N (ln v − ψ(q)) + Σ_x N_x ψ(px+q) − Σ w ln(v + x z̄)
 *   ∂/∂v = N q / v − Σ w (px+q) / (v + x z̄)
 * Per group one log (and one division for the gradient); the Γ and ψ terms once per distinct x.
 */
function groupedLogLikelihood(
  params: GammaGammaParams,
  g: Grouped,
  gradient?: GammaGammaParams,
): number {
  const { p, q, v } = params;
  const N = g.customers;
  let ll = N * (q * Math.log(v) - lgamma(q)) + p * g.sumXLogM - g.sumLogM;
  let dp = g.sumXLogM;
  let dq = N * (Math.log(v) - (gradient ? digamma(q) : 0));
  let dv = (N * q) / v;
  for (let j = 0; j < g.xValues.length; j++) {
    const x = g.xValues[j] as number;
    const w = g.xWeight[j] as number;
    const px = p * x;
    const logX = Math.log(x);
    ll += w * (lgamma(px + q) - lgamma(px) + px * logX);
    if (gradient) {
      const psi = digamma(px + q);
      dp += w * x * (psi - digamma(px) + logX);
      dq += w * psi;
    }
  }
  const { x, m, weight } = g;
  if (gradient) {
    for (let k = 0; k < x.length; k++) {
      const xk = x[k] as number;
      const w = weight[k] as number;
      const s = v + xk * (m[k] as number);
      const logS = Math.log(s);
      const shape = p * xk + q;
      ll -= w * shape * logS;
      dp -= w * xk * logS;
      dq -= w * logS;
      dv -= (w * shape) / s;
    }
    gradient.p = dp;
    gradient.q = dq;
    gradient.v = dv;
  } else {
    for (let k = 0; k < x.length; k++) {
      const xk = x[k] as number;
      ll -= (weight[k] as number) * (p * xk + q) * Math.log(v + xk * (m[k] as number));
    }
  }
  return ll;
}

/**
 * Maximum-likelihood fit over the customers with frequency > 0, in log-parameter space: BFGS with
 * the analytic gradient (Nelder–Mead with restarts as fallback or on request), over customers
 * grouped by (x, z̄). Throws a RangeError for empty input, invalid rows, or when no customer has
 * a repeat purchase.
 */
export function fitGammaGamma(
  rows: readonly GammaGammaRow[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  return fitGammaGammaColumns(
    {
      frequency: rows.map((r) => r.frequency),
      monetaryValue: rows.map((r) => r.monetaryValue),
    },
    options,
  );
}

/** fitGammaGamma over columns (no object per customer); the same fit. */
export function fitGammaGammaColumns(
  rows: GammaGammaColumns,
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const g = group(rows);
  const penalizer = options.penalizer ?? 0;
  if (!Number.isFinite(penalizer) || penalizer < 0) {
    fail(`Gamma-Gamma: penalizer must be a finite number ≥ 0, got ${penalizer}`);
  }
  let meanSpend = 0;
  for (let k = 0; k < g.x.length; k++) meanSpend += (g.weight[k] as number) * (g.m[k] as number);
  meanSpend /= g.customers;
  const start: GammaGammaParams = { p: 2, q: 3, v: meanSpend, ...options.initialParams };
  assertGammaGammaParams(start);

  const toParams = (theta: readonly number[]): GammaGammaParams => ({
    p: Math.exp(theta[0] as number),
    q: Math.exp(theta[1] as number),
    v: Math.exp(theta[2] as number),
  });
  const n = g.customers;
  const objective = (theta: readonly number[]): number => {
    const params = toParams(theta);
    const penalty = penalizer * (params.p * params.p + params.q * params.q + params.v * params.v);
    return -groupedLogLikelihood(params, g) / n + penalty;
  };
  // d/dθ of the objective where p = e^θ: −p ∂LL/∂p / n + 2 penalizer p².
  const objectiveAndGradient = (theta: readonly number[]) => {
    const params = toParams(theta);
    const d: GammaGammaParams = { p: 0, q: 0, v: 0 };
    const ll = groupedLogLikelihood(params, g, d);
    const keys = ['p', 'q', 'v'] as const;
    return {
      f: -ll / n + penalizer * keys.reduce((s, k) => s + params[k] * params[k], 0),
      gradient: keys.map((k) => (-params[k] * d[k]) / n + 2 * penalizer * params[k] * params[k]),
    };
  };
  const theta0 = [Math.log(start.p), Math.log(start.q), Math.log(start.v)];
  const result = minimizeWithFallback(objective, objectiveAndGradient, theta0, options);
  if (!Number.isFinite(result.fx)) {
    fail('Gamma-Gamma: the likelihood is not finite anywhere the optimiser looked');
  }
  const params = toParams(result.x);
  assertGammaGammaParams(params);
  return {
    ...params,
    logLikelihood: groupedLogLikelihood(params, g),
    customers: g.customers,
    groups: g.x.length,
    frequencySpendCorrelation: weightedCorrelation(g),
    iterations: result.iterations,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

function weightedCorrelation(g: Grouped): number | null {
  let n = 0;
  let mx = 0;
  let mm = 0;
  for (let k = 0; k < g.x.length; k++) {
    const w = g.weight[k] as number;
    n += w;
    mx += w * (g.x[k] as number);
    mm += w * (g.m[k] as number);
  }
  mx /= n;
  mm /= n;
  let sxx = 0;
  let smm = 0;
  let sxm = 0;
  for (let k = 0; k < g.x.length; k++) {
    const w = g.weight[k] as number;
    const dx = (g.x[k] as number) - mx;
    const dm = (g.m[k] as number) - mm;
    sxx += w * dx * dx;
    smm += w * dm * dm;
    sxm += w * dx * dm;
  }
  return sxx > 0 && smm > 0 ? sxm / Math.sqrt(sxx * smm) : null;
}

/**
 * E[mean transaction value | x, z̄] = (v + x z̄) · p / (p x + q − 1): a weighted average of the
 * population mean p v / (q − 1) and the customer's own z̄, with weight p x / (p x + q − 1) on the
 * latter. For x = 0 it is the population mean. Throws a RangeError when the mean does not exist
 * (q ≤ 1 for x = 0, p x + q ≤ 1 otherwise).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, row: GammaGammaRow): number {
  assertGammaGammaParams(params);
  assertGammaGammaRow(row);
  const { p, q, v } = params;
  const x = row.frequency;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    fail(
      x === 0
        ? `Gamma-Gamma: the population mean spend is infinite when q ≤ 1 (q = ${q})`
        : `Gamma-Gamma: expected spend is infinite when p·x + q ≤ 1 (p = ${p}, q = ${q}, x = ${x})`,
    );
  }
  return ((v + x * row.monetaryValue) * p) / denominator;
}

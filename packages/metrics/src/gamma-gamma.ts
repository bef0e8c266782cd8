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
import { lgamma, nelderMead } from './optimize.js';

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
  /** Nelder–Mead iteration budget over all restarts. Default 5000. */
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

interface Grouped {
  customers: number;
  x: Float64Array;
  m: Float64Array;
  weight: Float64Array;
  logM: Float64Array;
  logX: Float64Array;
}

function group(rows: readonly GammaGammaRow[]): Grouped {
  if (rows.length === 0) fail('Gamma-Gamma: rows must not be empty');
  const counts = new Map<number, Map<number, number>>();
  let customers = 0;
  rows.forEach((row, i) => {
    assertGammaGammaRow(row, i);
    if (row.frequency === 0) return;
    customers += 1;
    let inner = counts.get(row.frequency);
    if (inner === undefined) {
      inner = new Map();
      counts.set(row.frequency, inner);
    }
    inner.set(row.monetaryValue, (inner.get(row.monetaryValue) ?? 0) + 1);
  });
  if (customers === 0) {
    fail('Gamma-Gamma: no row has frequency > 0; the spend model needs repeat buyers');
  }
  // Sorted, so that the fit does not depend on the order of the rows.
  const triples: [number, number, number][] = [];
  for (const [x, inner] of counts) for (const [m, w] of inner) triples.push([x, m, w]);
  triples.sort((u, w) => u[0] - w[0] || u[1] - w[1]);
  const x = Float64Array.from(triples, (t) => t[0]);
  const m = Float64Array.from(triples, (t) => t[1]);
  return {
    customers,
    x,
    m,
    weight: Float64Array.from(triples, (t) => t[2]),
    logM: m.map(Math.log),
    logX: x.map(Math.log),
  };
}

function groupedLogLikelihood(params: GammaGammaParams, g: Grouped): number {
  const { p, q, v } = params;
  const common = -lgamma(q) + q * Math.log(v);
  let sum = 0;
  for (let k = 0; k < g.x.length; k++) {
    const x = g.x[k] as number;
    const px = p * x;
    const ll =
      common +
      lgamma(px + q) -
      lgamma(px) +
      (px - 1) * (g.logM[k] as number) +
      px * (g.logX[k] as number) -
      (px + q) * Math.log(v + x * (g.m[k] as number));
    sum += (g.weight[k] as number) * ll;
  }
  return sum;
}

/**
 * Maximum-likelihood fit over the customers with frequency > 0, in log-parameter space with
 * Nelder–Mead and restarts. Throws a RangeError for empty input, invalid rows, or when no
 * customer has a repeat purchase.
 */
export function fitGammaGamma(
  rows: readonly GammaGammaRow[],
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
  const objective = (theta: readonly number[]): number => {
    const params = toParams(theta);
    const penalty = penalizer * (params.p * params.p + params.q * params.q + params.v * params.v);
    return -groupedLogLikelihood(params, g) / g.customers + penalty;
  };
  const result = nelderMead(objective, [Math.log(start.p), Math.log(start.q), Math.log(start.v)], {
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  });
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

/**
 * BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 *
 * While alive, a customer buys as a Poisson process with rate λ; after each repeat purchase they
 * drop out with probability p. Across customers λ ~ Gamma(r, α) (shape r, rate α) and
 * p ~ Beta(a, b). A customer's history over (0, T] is summarised as
 * - frequency x: the number of repeat purchases (integer ≥ 0),
 * - recency t_x: the time of the last repeat purchase since the first purchase (0 when x = 0),
 * - T: the customer's age, time from the first purchase to the end of the observation period.
 * Times are in any unit the caller chooses (days, weeks, months); α is then in that unit too, and
 * every prediction `t` must be in the same unit.
 */
import { digamma, lgamma, log1pExp, logSumExp, minimizeWithFallback } from './optimize.js';

export interface BgNbdRow {
  frequency: number;
  recency: number;
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Σ over customers of the log-likelihood at the fitted parameters (penalty excluded). */
  logLikelihood: number;
  customers: number;
  /** Distinct (frequency, recency, T) triples the likelihood was evaluated over. */
  groups: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface BgNbdFitOptions {
  /** Starting point. Default r = 1, α = mean T (or 1), a = 1, b = 1. */
  initialParams?: Partial<BgNbdParams>;
  /**
   * L2 penalty: the optimiser minimises −LL / customers + penalizer · (r² + α² + a² + b²).
   * Default 0 (plain maximum likelihood). Useful on small or degenerate data.
   */
  penalizer?: number;
  /**
   * 'bfgs' (default): quasi-Newton with the analytic gradient, falling back to Nelder–Mead from
   * its best point when it does not converge. 'nelder-mead': derivative-free only.
   */
  optimizer?: 'bfgs' | 'nelder-mead';
  /** Iteration budget of each optimiser. Defaults: BFGS 500, Nelder–Mead 5000. */
  maxIterations?: number;
}

// ---------------------------------------------------------------------------------------------
// Validation

function fail(message: string): never {
  throw new RangeError(message);
}

/** Throws a RangeError unless the row is a valid customer history. */
export function assertBgNbdRow(row: BgNbdRow, index?: number): void {
  const { frequency: x, recency, T } = row;
  const where = index === undefined ? 'BG/NBD row' : `BG/NBD row ${index}`;
  if (!Number.isFinite(x) || !Number.isFinite(recency) || !Number.isFinite(T)) {
    fail(`${where}: frequency, recency and T must be finite numbers`);
  }
  if (!Number.isInteger(x) || x < 0) fail(`${where}: frequency must be an integer ≥ 0, got ${x}`);
  if (recency < 0) fail(`${where}: recency must be ≥ 0, got ${recency}`);
  if (T < 0) fail(`${where}: T must be ≥ 0, got ${T}`);
  if (recency > T) fail(`${where}: recency (${recency}) must not exceed T (${T})`);
}

/** Throws a RangeError unless every parameter is a finite positive number. */
export function assertBgNbdParams(params: BgNbdParams): void {
  for (const key of ['r', 'alpha', 'a', 'b'] as const) {
    const value = params[key];
    if (!Number.isFinite(value) || value <= 0) {
      fail(`BG/NBD parameter ${key} must be a finite number > 0, got ${value}`);
    }
  }
}

function assertTime(t: number): void {
  if (!Number.isFinite(t) || t < 0) fail(`prediction time t must be a finite number ≥ 0, got ${t}`);
}

// ---------------------------------------------------------------------------------------------
// Likelihood

/**
 * ln L for one customer:
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *          + ln( (α+T)^−(r+x) + [x > 0] · a/(b+x−1) · (α+t_x)^−(r+x) )
 * with the last two-term sum taken by log-sum-exp.
 */
function rowLogLikelihood(params: BgNbdParams, x: number, recency: number, T: number): number {
  const { r, alpha, a, b } = params;
  const rx = r + x;
  const head =
    lgamma(rx) -
    lgamma(r) +
    r * Math.log(alpha) +
    lgamma(a + b) +
    lgamma(b + x) -
    lgamma(b) -
    lgamma(a + b + x);
  const stillAlive = -rx * Math.log(alpha + T);
  if (x === 0) return head + stillAlive;
  const droppedOut = Math.log(a) - Math.log(b + x - 1) - rx * Math.log(alpha + recency);
  return head + logSumExp(stillAlive, droppedOut);
}

/**
 * Σ ln L over rows, one row at a time: the plain reference (and the ungrouped baseline of the
 * benchmark). Fitting uses the grouped form, which gives the same value.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, rows: readonly BgNbdRow[]): number {
  assertBgNbdParams(params);
  let sum = 0;
  rows.forEach((row, i) => {
    assertBgNbdRow(row, i);
    sum += rowLogLikelihood(params, row.frequency, row.recency, row.T);
  });
  return sum;
}

/**
 * Customers sharing (frequency, recency, T), with lookup tables so that a likelihood evaluation
 * costs a few lgamma per distinct frequency, a log per distinct T and recency, a power per
 * (frequency, T) and (frequency, recency) pair, and one log1p per group.
 */
export interface BgNbdGroupedRows {
  customers: number;
  groups: number;
  /** Distinct frequencies, T values and recencies, ascending (lookup tables). */
  xValues: Float64Array;
  tValues: Float64Array;
  recencyValues: Float64Array;
  /** Per group: indexes into the tables above, and the number of customers. */
  xIndex: Int32Array;
  tIndex: Int32Array;
  recencyIndex: Int32Array;
  weight: Float64Array;
}

/** Pair tables (frequency × T, frequency × recency) are used while they stay this small. */
const MAX_PAIR_TABLE = 4_000_000;

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

function mixDouble(h: number, v: number): number {
  scratch[0] = v;
  h = Math.imul(h ^ (scratchBits[0] as number), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ (scratchBits[1] as number), 0x85ebca77);
  return h ^ (h >>> 13);
}

/**
 * Counts identical (x, T, recency) triples with an open-addressing hash table on the raw doubles
 * (much faster than string keys on a million rows).
 */
function countTriples(rows: BgNbdColumns): {
  x: Float64Array;
  t: Float64Array;
  r: Float64Array;
  count: Int32Array;
  size: number;
} {
  let capacity = 1 << 12;
  let x = new Float64Array(capacity);
  let t = new Float64Array(capacity);
  let r = new Float64Array(capacity);
  let count = new Int32Array(capacity); // 0 marks an empty slot
  let size = 0;
  const insert = (xv: number, tv: number, rv: number, c: number): void => {
    const mask = capacity - 1;
    let slot = mixDouble(mixDouble(mixDouble(0x811c9dc5, xv), tv), rv) & mask;
    for (;;) {
      const seen = count[slot] as number;
      if (seen === 0) {
        x[slot] = xv;
        t[slot] = tv;
        r[slot] = rv;
        count[slot] = c;
        size += 1;
        return;
      }
      if (x[slot] === xv && t[slot] === tv && r[slot] === rv) {
        count[slot] = seen + c;
        return;
      }
      slot = (slot + 1) & mask;
    }
  };
  const n = rows.frequency.length;
  if (rows.recency.length !== n || rows.T.length !== n) {
    fail('BG/NBD: the columns must have the same length');
  }
  const row: BgNbdRow = { frequency: 0, recency: 0, T: 0 };
  for (let i = 0; i < n; i++) {
    row.frequency = rows.frequency[i] as number;
    row.recency = rows.recency[i] as number;
    row.T = rows.T[i] as number;
    assertBgNbdRow(row, i);
    if (2 * (size + 1) > capacity) {
      const old = { x, t, r, count };
      capacity *= 2;
      x = new Float64Array(capacity);
      t = new Float64Array(capacity);
      r = new Float64Array(capacity);
      count = new Int32Array(capacity);
      size = 0;
      for (let s = 0; s < old.count.length; s++) {
        const c = old.count[s] as number;
        if (c > 0) insert(old.x[s] as number, old.t[s] as number, old.r[s] as number, c);
      }
    }
    // + 0 turns −0 into +0, so that equal numbers hash alike.
    insert(row.frequency + 0, row.T + 0, row.frequency === 0 ? 0 : row.recency + 0, 1);
  }
  return { x, t, r, count, size };
}

/** The distinct values, ascending. */
function distinctSorted(values: Float64Array): Float64Array {
  return Float64Array.from(new Set(values)).sort();
}

/** Index of each value in `sorted` (where every value is), by binary search. */
function ranksIn(sorted: Float64Array, values: Float64Array): Int32Array {
  const out = new Int32Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    out[k] = lo;
  }
  return out;
}

/**
 * Validates and groups rows. Groups come out sorted by (frequency, T, recency), so the fit does
 * not depend on the order of the input rows. Recency is ignored (set to 0) when frequency is 0,
 * as the likelihood does not use it.
 */
export function groupBgNbdRows(rows: readonly BgNbdRow[]): BgNbdGroupedRows {
  return groupBgNbdColumns({
    frequency: rows.map((r) => r.frequency),
    recency: rows.map((r) => r.recency),
    T: rows.map((r) => r.T),
  });
}

/** Customer histories as columns (index i = one customer). */
export interface BgNbdColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** groupBgNbdRows over columns (no object per customer); the same groups. */
export function groupBgNbdColumns(rows: BgNbdColumns): BgNbdGroupedRows {
  if (rows.frequency.length === 0) fail('BG/NBD: rows must not be empty');
  const table = countTriples(rows);
  const G = table.size;
  const gx = new Float64Array(G);
  const gt = new Float64Array(G);
  const gr = new Float64Array(G);
  const gw = new Float64Array(G);
  for (let s = 0, k = 0; s < table.count.length; s++) {
    const c = table.count[s] as number;
    if (c === 0) continue;
    gx[k] = table.x[s] as number;
    gt[k] = table.t[s] as number;
    gr[k] = table.r[s] as number;
    gw[k] = c;
    k += 1;
  }
  const xValues = distinctSorted(gx);
  const tValues = distinctSorted(gt);
  const recencyValues = distinctSorted(gr);
  const xi = ranksIn(xValues, gx);
  const ti = ranksIn(tValues, gt);
  const ri = ranksIn(recencyValues, gr);
  const nT = tValues.length;
  const nR = recencyValues.length;
  // Sort by the ranks (the same order as by the values). When (rank key, group) fits exactly in
  // a double, as one number per group in a typed-array sort; else with a comparator.
  let order: Int32Array;
  if (xValues.length * nT * nR * G <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(G);
    for (let g = 0; g < G; g++) {
      keys[g] = (((xi[g] as number) * nT + (ti[g] as number)) * nR + (ri[g] as number)) * G + g;
    }
    keys.sort();
    order = new Int32Array(G);
    for (let k = 0; k < G; k++) order[k] = (keys[k] as number) % G;
  } else {
    order = Int32Array.from({ length: G }, (_, k) => k).sort(
      (u, v) =>
        (xi[u] as number) - (xi[v] as number) ||
        (ti[u] as number) - (ti[v] as number) ||
        (ri[u] as number) - (ri[v] as number),
    );
  }
  return {
    customers: rows.frequency.length,
    groups: G,
    xValues,
    tValues,
    recencyValues,
    xIndex: order.map((g) => xi[g] as number),
    tIndex: order.map((g) => ti[g] as number),
    recencyIndex: order.map((g) => ri[g] as number),
    weight: Float64Array.from(order, (g) => gw[g] as number),
  };
}

/**
 * Σ ln L over grouped rows (weights = customers per group). NaN outside the parameter domain.
 *
 * Per group, ln L = head(x) − (r+x) ln(α+T) + ln(1 + odds), where odds, the ratio of the
 * "dropped out after t_x" term to the "still alive" term, is
 * a/(b+x−1) · ((α+T)/(α+t_x))^(r+x). The odds are a product of a (x, T) table and a
 * (x, t_x) table, so the hot loop has one log1p and no exp. When the tables would be too big or
 * would over/underflow, the loop falls back to computing each group's odds in log space.
 */
export function bgNbdGroupedLogLikelihood(params: BgNbdParams, g: BgNbdGroupedRows): number {
  const { r, alpha, a, b } = params;
  const nx = g.xValues.length;
  const nT = g.tValues.length;
  const nR = g.recencyValues.length;
  const head = new Float64Array(nx);
  const shape = new Float64Array(nx);
  const dropOdds = new Float64Array(nx);
  const common = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
  const logA = Math.log(a);
  for (let j = 0; j < nx; j++) {
    const x = g.xValues[j] as number;
    shape[j] = r + x;
    head[j] = common + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    dropOdds[j] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const logAlphaT = g.tValues.map((T) => Math.log(alpha + T));
  const logAlphaR = g.recencyValues.map((t) => Math.log(alpha + t));

  if (nx * (nT + nR) <= MAX_PAIR_TABLE) {
    const sum = pairTableSum(g, head, shape, dropOdds, logAlphaT, logAlphaR);
    if (sum !== undefined) return sum;
  }
  let sum = 0;
  for (let k = 0; k < g.groups; k++) {
    const j = g.xIndex[k] as number;
    const s = shape[j] as number;
    const lt = logAlphaT[g.tIndex[k] as number] as number;
    const logOdds =
      (dropOdds[j] as number) + s * (lt - (logAlphaR[g.recencyIndex[k] as number] as number));
    sum += (g.weight[k] as number) * ((head[j] as number) - s * lt + log1pExp(logOdds));
  }
  return sum;
}

/** The table-driven loop; undefined when a table entry over- or underflows. */
function pairTableSum(
  g: BgNbdGroupedRows,
  head: Float64Array,
  shape: Float64Array,
  dropOdds: Float64Array,
  logAlphaT: Float64Array,
  logAlphaR: Float64Array,
): number | undefined {
  const nx = head.length;
  const nT = logAlphaT.length;
  const nR = logAlphaR.length;
  // Powers are taken relative to ln(α + min recency), so the T table is ≥ 1 and the recency
  // table ≤ a/(b+x−1).
  const ref = logAlphaR[0] as number;
  const alive = new Float64Array(nx * nT);
  const powT = new Float64Array(nx * nT);
  const powR = new Float64Array(nx * nR);
  for (let j = 0; j < nx; j++) {
    const s = shape[j] as number;
    const h = head[j] as number;
    for (let i = 0; i < nT; i++) {
      const lt = logAlphaT[i] as number;
      const p = Math.exp(s * (lt - ref));
      if (!(p < Number.POSITIVE_INFINITY)) return undefined;
      alive[j * nT + i] = h - s * lt;
      powT[j * nT + i] = p;
    }
    const drop = dropOdds[j] as number;
    if (drop === Number.NEGATIVE_INFINITY) continue; // x = 0: odds are 0
    for (let i = 0; i < nR; i++) {
      const p = Math.exp(drop - s * ((logAlphaR[i] as number) - ref));
      if (!(p >= Number.MIN_VALUE * 2 ** 60)) return undefined; // keep full precision
      powR[j * nR + i] = p;
    }
  }
  const { xIndex, tIndex, recencyIndex, weight } = g;
  let sum = 0;
  for (let k = 0; k < g.groups; k++) {
    const j = xIndex[k] as number;
    const at = j * nT + (tIndex[k] as number);
    const odds = (powT[at] as number) * (powR[j * nR + (recencyIndex[k] as number)] as number);
    sum += (weight[k] as number) * ((alive[at] as number) + Math.log1p(odds));
  }
  return sum;
}

/**
 * Σ ln L over grouped rows and its gradient with respect to (r, α, a, b). With
 * π = odds / (1 + odds) the weight of the "dropped out after t_x" branch:
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − ln(α+T) + π (ln(α+T) − ln(α+t_x))
 *   ∂/∂α = r/α − (r+x)/(α+T) + π (r+x) (1/(α+T) − 1/(α+t_x))
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + π/a
 *   ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − π/(b+x−1)
 */
export function bgNbdGroupedLogLikelihoodGradient(
  params: BgNbdParams,
  g: BgNbdGroupedRows,
): { logLikelihood: number; gradient: BgNbdParams } {
  const { r, alpha, a, b } = params;
  const nx = g.xValues.length;
  const head = new Float64Array(nx);
  const dropOdds = new Float64Array(nx);
  const logA = Math.log(a);
  const common = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
  // Σ w per x, and Σ w·π per x (filled in the loop)
  const weightOfX = new Float64Array(nx);
  const piOfX = new Float64Array(nx);
  for (let j = 0; j < nx; j++) {
    const x = g.xValues[j] as number;
    head[j] = common + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    dropOdds[j] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const logAlphaT = g.tValues.map((T) => Math.log(alpha + T));
  const logAlphaR = g.recencyValues.map((t) => Math.log(alpha + t));
  const invAlphaT = g.tValues.map((T) => 1 / (alpha + T));
  const invAlphaR = g.recencyValues.map((t) => 1 / (alpha + t));

  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  for (let k = 0; k < g.groups; k++) {
    const j = g.xIndex[k] as number;
    const w = g.weight[k] as number;
    const s = r + (g.xValues[j] as number);
    const iT = g.tIndex[k] as number;
    const lt = logAlphaT[iT] as number;
    const it = invAlphaT[iT] as number;
    weightOfX[j] = (weightOfX[j] as number) + w;
    let term = (head[j] as number) - s * lt;
    dr -= w * lt;
    dAlpha -= w * s * it;
    const drop = dropOdds[j] as number;
    if (drop !== Number.NEGATIVE_INFINITY) {
      const iR = g.recencyIndex[k] as number;
      const lr = logAlphaR[iR] as number;
      const logOdds = drop + s * (lt - lr);
      let pi: number;
      if (logOdds > 0) {
        const e = Math.exp(-logOdds);
        term += logOdds + Math.log1p(e);
        pi = 1 / (1 + e);
      } else {
        const e = Math.exp(logOdds);
        term += Math.log1p(e);
        pi = e / (1 + e);
      }
      const wp = w * pi;
      piOfX[j] = (piOfX[j] as number) + wp;
      dr += wp * (lt - lr);
      dAlpha += wp * s * (it - (invAlphaR[iR] as number));
    }
    ll += w * term;
  }
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  let da = 0;
  let db = 0;
  for (let j = 0; j < nx; j++) {
    const x = g.xValues[j] as number;
    const w = weightOfX[j] as number;
    const psiABX = digamma(a + b + x);
    dr += w * (digamma(r + x) - psiR + Math.log(alpha));
    dAlpha += (w * r) / alpha;
    da += w * (psiAB - psiABX);
    db += w * (psiAB + digamma(b + x) - psiB - psiABX);
    if (x > 0) {
      da += (piOfX[j] as number) / a;
      db -= (piOfX[j] as number) / (b + x - 1);
    }
  }
  return { logLikelihood: ll, gradient: { r: dr, alpha: dAlpha, a: da, b: db } };
}

// ---------------------------------------------------------------------------------------------
// Fit

/**
 * Maximum-likelihood fit. Parameters are optimised as logarithms (so they stay positive), by
 * BFGS with the analytic gradient (Nelder–Mead with restarts as fallback or on request), on the
 * grouped likelihood: a million customers with day-resolution histories fit in a few seconds.
 */
export function fitBgNbd(rows: readonly BgNbdRow[], options: BgNbdFitOptions = {}): BgNbdFit {
  return fitBgNbdGrouped(groupBgNbdRows(rows), options);
}

/** fitBgNbd on rows already grouped by groupBgNbdRows (so a caller can pause in between). */
export function fitBgNbdGrouped(
  grouped: BgNbdGroupedRows,
  options: BgNbdFitOptions = {},
): BgNbdFit {
  if (grouped.xValues.every((x) => x === 0)) {
    fail('BG/NBD: no customer has a repeat purchase (all frequency 0); the model cannot be fitted');
  }
  const penalizer = options.penalizer ?? 0;
  if (!Number.isFinite(penalizer) || penalizer < 0) {
    fail(`BG/NBD: penalizer must be a finite number ≥ 0, got ${penalizer}`);
  }
  let meanT = 0;
  for (let k = 0; k < grouped.groups; k++) {
    meanT +=
      (grouped.weight[k] as number) * (grouped.tValues[grouped.tIndex[k] as number] as number);
  }
  meanT /= grouped.customers;
  const start: BgNbdParams = {
    r: 1,
    alpha: meanT > 0 ? meanT : 1,
    a: 1,
    b: 1,
    ...options.initialParams,
  };
  assertBgNbdParams(start);

  const toParams = (theta: readonly number[]): BgNbdParams => ({
    r: Math.exp(theta[0] as number),
    alpha: Math.exp(theta[1] as number),
    a: Math.exp(theta[2] as number),
    b: Math.exp(theta[3] as number),
  });
  const n = grouped.customers;
  const objective = (theta: readonly number[]): number => {
    const p = toParams(theta);
    const ll = bgNbdGroupedLogLikelihood(p, grouped);
    const penalty = penalizer * (p.r * p.r + p.alpha * p.alpha + p.a * p.a + p.b * p.b);
    return -ll / n + penalty;
  };
  // d/dθ of the objective where p = e^θ: −p ∂LL/∂p / n + 2 penalizer p².
  const objectiveAndGradient = (theta: readonly number[]) => {
    const p = toParams(theta);
    const { logLikelihood, gradient } = bgNbdGroupedLogLikelihoodGradient(p, grouped);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    return {
      f: -logLikelihood / n + penalizer * keys.reduce((s, k) => s + p[k] * p[k], 0),
      gradient: keys.map((k) => (-p[k] * gradient[k]) / n + 2 * penalizer * p[k] * p[k]),
    };
  };
  const theta0 = [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)];
  const result = minimizeWithFallback(objective, objectiveAndGradient, theta0, options);
  if (!Number.isFinite(result.fx)) {
    fail('BG/NBD: the likelihood is not finite anywhere the optimiser looked; check the data');
  }
  const params = toParams(result.x);
  assertBgNbdParams(params);
  return {
    ...params,
    logLikelihood: bgNbdGroupedLogLikelihood(params, grouped),
    customers: grouped.customers,
    groups: grouped.groups,
    iterations: result.iterations,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

// ---------------------------------------------------------------------------------------------
// Gaussian hypergeometric function

/** Largest number of series terms before giving up. */
const MAX_SERIES_TERMS = 1_000_000;

/**
 * ₂F₁(a, b; c; z) = Σₖ (a)ₖ (b)ₖ / ((c)ₖ k!) zᵏ by its power series, for −1 < z < 1 and c not a
 * non-positive integer. Terms follow the ratio (a+k)(b+k) z / ((c+k)(k+1)); the sum stops once
 * the ratio has settled below 1 and a term no longer changes the sum. Throws a RangeError outside
 * the domain or when the series has not converged after a million terms (z very close to 1).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) fail('hyp2f1: arguments must be finite');
  if (!(z > -1 && z < 1)) fail(`hyp2f1: the series needs −1 < z < 1, got z = ${z}`);
  if (c <= 0 && Number.isInteger(c)) fail(`hyp2f1: c must not be a non-positive integer, got ${c}`);
  return 1 + seriesTail(a, b, c, z, 1, (a * b * z) / c);
}

/**
 * Σ_{k ≥ from} tₖ where t_from = first and t_{k+1} = tₖ · (p+k)(q+k) z / ((c+k)(k+1)).
 * Convergence: past the point where |ratio| < 1 for good (k beyond |p|, |q|, |c|), stop when a
 * term is below 1e-17 of the running sum, or the remaining geometric tail bound is.
 */
function seriesTail(
  p: number,
  q: number,
  c: number,
  z: number,
  from: number,
  first: number,
): number {
  let term = first;
  let sum = term;
  const settledAfter = Math.max(Math.abs(p), Math.abs(q), Math.abs(c)) + 2;
  for (let k = from; k < MAX_SERIES_TERMS; k++) {
    const ratio = ((p + k) * (q + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    if (k > settledAfter) {
      const r = Math.max(Math.abs(ratio), Math.abs(z));
      if (r < 1 && Math.abs(term) * (1 / (1 - r)) <= 1e-17 * Math.abs(sum)) return sum;
    }
  }
  fail(`hyp2f1: series did not converge after ${MAX_SERIES_TERMS} terms (z = ${z})`);
}

// ---------------------------------------------------------------------------------------------
// Predictions

/**
 * P(alive at T | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * Exactly 1 for a customer with no repeat purchase (in BG/NBD a customer can only drop out right
 * after a repeat purchase).
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, row: BgNbdRow): number {
  assertBgNbdParams(params);
  assertBgNbdRow(row);
  return Math.exp(-logDeathOdds(params, row));
}

/** ln(1 + odds of having dropped out), i.e. −ln P(alive). Inputs already validated. */
function logDeathOdds(params: BgNbdParams, row: BgNbdRow): number {
  const { r, alpha, a, b } = params;
  const x = row.frequency;
  if (x === 0) return 0;
  const logOdds =
    Math.log(a) -
    Math.log(b + x - 1) +
    (r + x) * (Math.log(alpha + row.T) - Math.log(alpha + row.recency));
  return log1pExp(logOdds);
}

/** Above this z the series needs thousands of terms; the quadrature is then used instead. */
const SERIES_MAX_Z = 0.995;

/**
 * E[Y(t) | x, t_x, T]: expected number of purchases in (T, T + t] for a customer with history row
 * (FHL 2005):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t / (α+T+t).
 * Computed through Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z), which
 * turns the bracket into (1 − (1−z)^(a−1))/(a−1) − (1−z)^(a−1) · S with
 * S = Σ_{k≥1} (C−A)ₖ (a)ₖ₋₁ / ((C)ₖ k!) zᵏ (A = r+x, C = a+b+x−1): a series whose terms
 * decay, with little cancellation and no singularity at a = 1. When z is very close to 1 or
 * C ≤ 0, the same expectation is integrated numerically over the posterior of p instead.
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number, row: BgNbdRow): number {
  assertBgNbdParams(params);
  assertBgNbdRow(row);
  assertTime(t);
  if (t === 0) return 0;
  return expectedIfAlive(params, t, row.frequency, row.T) * Math.exp(-logDeathOdds(params, row));
}

/**
 * E[Y(t) | alive at T, x, T]: the expected purchases in (T, T + t] of a customer known to be
 * alive, i.e. bgNbdExpectedPurchases without its P(alive) factor:
 *   bgNbdExpectedPurchases(params, t, row) = bgNbdExpectedPurchasesIfAlive(params, t, row)
 *                                             × bgNbdProbabilityAlive(params, row)
 * (bit for bit: the former is computed as this product). It does not depend on recency, so
 * customers sharing (x, T) share it whatever their t_x (grouped scoring relies on that).
 */
export function bgNbdExpectedPurchasesIfAlive(
  params: BgNbdParams,
  t: number,
  row: Pick<BgNbdRow, 'frequency' | 'T'>,
): number {
  assertBgNbdParams(params);
  assertBgNbdRow({ frequency: row.frequency, recency: 0, T: row.T });
  assertTime(t);
  if (t === 0) return 0;
  return expectedIfAlive(params, t, row.frequency, row.T);
}

/** The series form of the conditional expectation given alive (see above); inputs validated. */
function expectedIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  const A = r + x;
  const C = a + b + x - 1;
  const z = t / (alpha + T + t);
  if (!(C > 0) || z > SERIES_MAX_Z) return quadratureIfAlive(params, t, x, T);
  const L = Math.log1p(-z);
  const e = a - 1;
  const power = Math.exp(e * L); // (1 − z)^(a−1)
  const first = e === 0 ? -L : -Math.expm1(e * L) / e;
  const S = seriesTail(C - A, a - 1, C, z, 1, ((C - A) * z) / C);
  const value = C * (first - power * S);
  if (!Number.isFinite(value)) return quadratureIfAlive(params, t, x, T);
  return Math.max(0, value);
}

/**
 * Unconditional E[X(t)] for a customer just acquired (FHL 2005):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))] — the conditional expectation
 * with x = t_x = T = 0.
 */
export function bgNbdExpectedPurchasesNew(params: BgNbdParams, t: number): number {
  return bgNbdExpectedPurchases(params, t, { frequency: 0, recency: 0, T: 0 });
}

/**
 * The same conditional expectation by direct integration, used as a fallback and a cross-check:
 * given alive at T, λ | data ~ Gamma(r+x, α+T) and p | data ~ Beta(a, b+x), and an alive customer
 * makes (1/p)(1 − e^(−λpt)) purchases on average in the next t; integrating λ out gives
 *   E = P(alive) · ∫₀¹ (1 − (1 + p·t/(α+T))^−(r+x)) / p · Beta(p; a, b+x) dp,
 * computed by tanh-sinh (double-exponential) quadrature, which copes with the endpoint
 * singularities of the Beta density.
 */
export function bgNbdExpectedPurchasesByQuadrature(
  params: BgNbdParams,
  t: number,
  row: BgNbdRow,
): number {
  assertBgNbdParams(params);
  assertBgNbdRow(row);
  assertTime(t);
  if (t === 0) return 0;
  return quadratureIfAlive(params, t, row.frequency, row.T) * Math.exp(-logDeathOdds(params, row));
}

/** The integral above without its P(alive) factor; inputs validated, t > 0. */
function quadratureIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  const A = r + x;
  const beta = b + x;
  const tau = t / (alpha + T);
  const logBeta = lgamma(a) + lgamma(beta) - lgamma(a + beta);
  const integrand = (p: number, logP: number, log1mP: number): number => {
    // (1 − (1+y)^−A) / p with y = pτ; by its Taylor series when y is tiny, where p may be
    // subnormal and the direct ratio would lose its digits.
    const y = p * tau;
    const g =
      y * (A + 3) < 1e-5
        ? tau * A * (1 - ((A + 1) / 2) * y * (1 - ((A + 2) / 3) * y))
        : -Math.expm1(-A * Math.log1p(y)) / p;
    return g * Math.exp(a * logP + beta * log1mP - logBeta);
  };
  const integral = tanhSinhUnit(integrand);
  if (!Number.isFinite(integral)) {
    fail('BG/NBD: expected purchases are not finite for these parameters');
  }
  return Math.max(0, integral);
}

/**
 * ∫₀¹ f(p) dp by tanh-sinh quadrature with p = 1/(1 + e^(−π sinh s)). The callback receives p,
 * ln p and ln(1−p) (accurate at both ends) and must return f(p) · p · (1 − p); the Jacobian's
 * remaining π cosh s is applied here. Step halving until two levels agree to 1e-13.
 */
function tanhSinhUnit(fTimesPq: (p: number, logP: number, log1mP: number) => number): number {
  const point = (s: number): number => {
    const u = Math.PI * Math.sinh(s);
    const logP = -log1pExp(-u);
    const log1mP = -log1pExp(u);
    return fTimesPq(Math.exp(logP), logP, log1mP) * Math.PI * Math.cosh(s);
  };
  // Sum f over s = k·h, k odd (or all k at the first level), going outwards until negligible.
  const sweep = (h: number, step: number, offset: number, scale: number): number => {
    let sum = 0;
    for (const sign of [1, -1]) {
      let quiet = 0;
      for (let k = offset; k * h <= 20; k += step) {
        if (k === 0 && sign === -1) continue;
        const v = point(sign * k * h);
        sum += v;
        if (sum !== 0 && Math.abs(v) <= 1e-18 * Math.max(scale, Math.abs(sum))) {
          quiet += 1;
          if (quiet >= 3 && k * h > 1) break;
        } else quiet = 0;
      }
    }
    return sum;
  };
  let h = 0.5;
  let total = sweep(h, 1, 0, 0);
  let estimate = total * h;
  for (let level = 0; level < 9; level++) {
    h /= 2;
    total += sweep(h, 2, 1, Math.abs(total));
    const next = total * h;
    if (level >= 2 && Math.abs(next - estimate) <= 1e-13 * Math.abs(next)) return next;
    estimate = next;
  }
  return estimate;
}

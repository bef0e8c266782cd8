/**
 * BG/NBD at scale: 1,000,000 synthetic customers drawn from a BG/NBD process with the CDNOW
 * parameters, shaped like CDNOW (first purchases over 12 weeks, observed to day 272, times in
 * weeks = days / 7 rounded to 2 dp). Reports the grouped fit time, one likelihood evaluation
 * grouped vs ungrouped (the ratio matters more than the absolute times on a shared machine), and
 * how close the fitted parameters are to the generating ones.
 */
import {
  type BgNbdGroupedRows,
  type BgNbdParams,
  type BgNbdRow,
  bgNbdGroupedLogLikelihood,
  bgNbdGroupedLogLikelihoodGradient,
  bgNbdLogLikelihood,
  fitBgNbd,
  groupBgNbdRows,
} from '../src/bg-nbd.js';
import { MONTH_IN_WEEKS, predictedClv, predictedClvColumns } from '../src/predicted-clv.js';

export interface BenchLine {
  measure: string;
  value: string;
  note?: string;
}

export const name = 'bg-nbd';

const GENERATING: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CUSTOMERS = 1_000_000;
const SEED = 20050101;

/** Marsaglia's xorshift128 (2003), uniform on (0, 1); the seed is scrambled into all four words. */
function makeUniform(seed: number): () => number {
  const scramble = (v: number) => {
    v = Math.imul(v ^ (v >>> 16), 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    return (v ^ (v >>> 16)) >>> 0 || 1;
  };
  let x = scramble(seed);
  let y = scramble(x ^ 362436069);
  let z = scramble(y ^ 521288629);
  let w = scramble(z ^ 88675123);
  return () => {
    const t = (x ^ (x << 11)) >>> 0;
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return (w + 0.5) / 4294967296;
  };
}

function makeSamplers(uniform: () => number) {
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia & Tsang (2000) for shape ≥ 1; shape < 1 through G(shape + 1) · U^(1/shape).
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const n = normal();
      const v = (1 + c * n) ** 3;
      if (v <= 0) continue;
      if (Math.log(uniform()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const beta = (a: number, b: number): number => {
    const g = gamma(a);
    return g / (g + gamma(b));
  };
  return { gamma, beta };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Deterministic synthetic customers (time unit: weeks). */
export function syntheticCustomers(count: number, params: BgNbdParams, seed: number): BgNbdRow[] {
  const uniform = makeUniform(seed);
  const { gamma, beta } = makeSamplers(uniform);
  const rows: BgNbdRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const firstDay = Math.floor(uniform() * 84); // Q1: 84 possible first-purchase days
    const ageDays = 272 - firstDay;
    const T = ageDays / 7;
    const lambda = gamma(params.r) / params.alpha; // purchases per week
    const p = beta(params.a, params.b);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(uniform()) / lambda;
      if (t > T) break;
      x += 1;
      last = t;
      if (uniform() < p) break; // drops out right after this purchase
    }
    rows[i] = {
      frequency: x,
      recency: x === 0 ? 0 : round2(Math.round(last * 7) / 7),
      T: round2(T),
    };
  }
  return rows;
}

/** Every customer its own group: the table-driven likelihood without the grouping gain. */
function ungroupedTables(rows: readonly BgNbdRow[], grouped: BgNbdGroupedRows): BgNbdGroupedRows {
  const xPos = new Map(Array.from(grouped.xValues, (v, i) => [v, i]));
  const tPos = new Map(Array.from(grouped.tValues, (v, i) => [v, i]));
  const rPos = new Map(Array.from(grouped.recencyValues, (v, i) => [v, i]));
  return {
    ...grouped,
    groups: rows.length,
    xIndex: Int32Array.from(rows, (r) => xPos.get(r.frequency) ?? -1),
    tIndex: Int32Array.from(rows, (r) => tPos.get(r.T) ?? -1),
    recencyIndex: Int32Array.from(rows, (r) => rPos.get(r.frequency === 0 ? 0 : r.recency) ?? -1),
    weight: new Float64Array(rows.length).fill(1),
  };
}

/** Wall time and CPU time (user + system) of one call. */
function time<T>(f: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = f();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Median time of `repeats` calls. */
function medianMs(f: () => unknown, repeats: number): number {
  const times = Array.from({ length: repeats }, () => time(f).ms).sort((u, v) => u - v);
  return times[Math.floor(repeats / 2)] ?? Number.NaN;
}

function maxRelDiff(p: BgNbdParams, q: BgNbdParams): number {
  return Math.max(...(['r', 'alpha', 'a', 'b'] as const).map((k) => Math.abs(p[k] / q[k] - 1)));
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

export function run(): BenchLine[] {
  const lines: BenchLine[] = [];
  const generated = time(() => syntheticCustomers(CUSTOMERS, GENERATING, SEED));
  const rows = generated.result;
  const buyers = rows.filter((r) => r.frequency > 0).length;
  lines.push({
    measure: 'generate 1M customers',
    value: fmtMs(generated.ms),
    note: `${((100 * buyers) / rows.length).toFixed(1)}% with a repeat purchase (CDNOW: 40.1%)`,
  });

  const grouping = time(() => groupBgNbdRows(rows));
  const grouped = grouping.result;
  lines.push({
    measure: 'group 1M rows',
    value: fmtMs(grouping.ms),
    note: `CPU ${fmtMs(grouping.cpuMs)}; ${grouped.groups.toLocaleString('en')} groups (${(rows.length / grouped.groups).toFixed(1)} customers each)`,
  });

  const fit = time(() => fitBgNbd(rows));
  const f = fit.result;
  lines.push({
    measure: 'fitBgNbd on 1M (grouped, BFGS)',
    value: fmtMs(fit.ms),
    note: `CPU ${fmtMs(fit.cpuMs)}; target < 5 s; ${f.evaluations} evaluations (value + gradient), converged ${f.converged}`,
  });
  const nm = time(() => fitBgNbd(rows, { optimizer: 'nelder-mead' }));
  lines.push({
    measure: 'fitBgNbd on 1M (grouped, Nelder–Mead)',
    value: fmtMs(nm.ms),
    note: `CPU ${fmtMs(nm.cpuMs)}; ${nm.result.evaluations} evaluations; same optimum within ${maxRelDiff(f, nm.result).toExponential(1)}`,
  });

  const perRow = ungroupedTables(rows, grouped);
  const groupedEval = medianMs(() => bgNbdGroupedLogLikelihood(GENERATING, grouped), 15);
  const gradientEval = medianMs(() => bgNbdGroupedLogLikelihoodGradient(GENERATING, grouped), 9);
  const tableEval = medianMs(() => bgNbdGroupedLogLikelihood(GENERATING, perRow), 7);
  const naiveEval = medianMs(() => bgNbdLogLikelihood(GENERATING, rows), 3);
  lines.push({ measure: '1 LL evaluation, grouped', value: fmtMs(groupedEval) });
  lines.push({
    measure: '1 LL + gradient evaluation, grouped',
    value: fmtMs(gradientEval),
    note: `×${(gradientEval / groupedEval).toFixed(1)} the LL-only time`,
  });
  lines.push({
    measure: '1 LL evaluation, ungrouped (tables)',
    value: fmtMs(tableEval),
    note: `×${(tableEval / groupedEval).toFixed(1)} the grouped time`,
  });
  lines.push({
    measure: '1 LL evaluation, ungrouped (row by row)',
    value: fmtMs(naiveEval),
    note: `×${(naiveEval / groupedEval).toFixed(1)} the grouped time`,
  });
  lines.push({
    measure: 'ungrouped Nelder–Mead fit (estimated)',
    value: fmtMs(naiveEval * nm.result.evaluations),
    note: `${nm.result.evaluations} evaluations × row-by-row time: not run, ×${((naiveEval * nm.result.evaluations) / fit.ms).toFixed(0)} the BFGS grouped fit`,
  });

  // Scoring: 12 monthly periods per customer, each a conditional expectation (₂F₁ series).
  const scored = rows.slice(0, 100_000);
  const gammaGamma = { p: 6.25, q: 3.74, v: 15.44 };
  const scoring = time(() => {
    let total = 0;
    for (const row of scored) {
      const monetaryValue = row.frequency > 0 ? 35 : 0;
      total += predictedClv({
        bgNbd: f,
        gammaGamma,
        row: { ...row, monetaryValue },
        periodLength: MONTH_IN_WEEKS,
      }).value;
    }
    return total;
  });
  lines.push({
    measure: 'predictedClv, 100k customers',
    value: fmtMs(scoring.ms),
    note: `CPU ${fmtMs(scoring.cpuMs)}; ${((1000 * scoring.cpuMs) / scored.length).toFixed(1)} µs CPU per customer (12 months)`,
  });
  // The same customers grouped: the series once per (x, T), P(alive) once per (x, t_x, T).
  const columns = {
    frequency: scored.map((r) => r.frequency),
    recency: scored.map((r) => r.recency),
    T: scored.map((r) => r.T),
    monetaryValue: scored.map((r) => (r.frequency > 0 ? 35 : 0)),
  };
  const groupedScoring = time(() =>
    predictedClvColumns({ bgNbd: f, gammaGamma, rows: columns, periodLength: MONTH_IN_WEEKS }),
  );
  let groupedTotal = 0;
  for (const v of groupedScoring.result.value) groupedTotal += v;
  lines.push({
    measure: 'predictedClvColumns (grouped), same 100k',
    value: fmtMs(groupedScoring.ms),
    note: `CPU ${fmtMs(groupedScoring.cpuMs)}, ×${(scoring.cpuMs / groupedScoring.cpuMs).toFixed(1)} faster; ${groupedScoring.result.groups} (x, t_x, T) groups, ${groupedScoring.result.curves} (x, T) curves; Σ value rel. diff ${(Math.abs(groupedTotal - scoring.result) / scoring.result).toExponential(1)}`,
  });

  for (const key of ['r', 'alpha', 'a', 'b'] as const) {
    const error = f[key] / GENERATING[key] - 1;
    lines.push({
      measure: `fitted ${key}`,
      value: f[key].toFixed(4),
      note: `generating ${GENERATING[key]}, ${error >= 0 ? '+' : ''}${(100 * error).toFixed(2)}% (seed-to-seed SD about 1% for a and b)`,
    });
  }
  return lines;
}

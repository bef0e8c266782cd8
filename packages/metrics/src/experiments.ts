/**
 * A/B holdouts: customers assigned at random to the private-domain treatment or to a holdout.
 * Randomisation makes the plain difference of means the causal lift, so no matching is needed;
 * intervals are Welch's normal approximation (large arms; each customer counted once). Also a
 * sample-ratio-mismatch check (is the split what was planned?) and a power planner (how many
 * customers and weeks a test needs). No I/O.
 */
import { chiSquareOneTail, normalCdf, normalQuantile } from './bootstrap.js';

export type Arm = 'treatment' | 'holdout';

/** One assigned customer's outcomes over the measurement window (money in any one unit). */
export interface ExperimentCustomer {
  arm: Arm;
  orders: number;
  gmv: number;
  grossProfit: number;
}

export interface ArmSummary {
  customers: number;
  /** Per customer: share with ≥ 1 order, and means. */
  conversion: number;
  orders: number;
  gmv: number;
  grossProfit: number;
}

export interface Lift {
  /** treatment − holdout, per customer (conversion in share points, 0.02 = 2 pp). */
  estimate: number;
  low: number | null;
  high: number | null;
  /** estimate ÷ holdout mean; null when the holdout mean is 0. */
  relative: number | null;
  /** Two-sided p-value of no difference. */
  pValue: number | null;
}

export type ExperimentMetric = 'conversion' | 'orders' | 'gmv' | 'grossProfit';
export const EXPERIMENT_METRICS: readonly ExperimentMetric[] = [
  'conversion',
  'orders',
  'gmv',
  'grossProfit',
];

export interface SampleRatioCheck {
  /** Planned share of customers in treatment. */
  plannedTreatmentShare: number;
  observedTreatmentShare: number | null;
  chiSquare: number;
  pValue: number;
  /** p < 0.001: the assignment did not work as planned, and the lift should not be trusted. */
  mismatch: boolean;
}

export interface ExperimentResult {
  treatment: ArmSummary;
  holdout: ArmSummary;
  lift: Record<ExperimentMetric, Lift>;
  sampleRatio: SampleRatioCheck;
  level: number;
}

/** SRM threshold: strict, since a real mismatch means a broken assignment, not noise. */
export const SRM_P_VALUE = 0.001;

interface Moments {
  n: number;
  sum: Record<ExperimentMetric, number>;
  sq: Record<ExperimentMetric, number>;
}

function valueOf(c: ExperimentCustomer, metric: ExperimentMetric): number {
  if (metric === 'conversion') return c.orders > 0 ? 1 : 0;
  return c[metric];
}

function momentsOf(customers: readonly ExperimentCustomer[], arm: Arm): Moments {
  const zero = () => ({ conversion: 0, orders: 0, gmv: 0, grossProfit: 0 });
  const m: Moments = { n: 0, sum: zero(), sq: zero() };
  for (const c of customers) {
    if (c.arm !== arm) continue;
    m.n += 1;
    for (const metric of EXPERIMENT_METRICS) {
      const x = valueOf(c, metric);
      m.sum[metric] += x;
      m.sq[metric] += x * x;
    }
  }
  return m;
}

const meanOf = (m: Moments, metric: ExperimentMetric) => (m.n > 0 ? m.sum[metric] / m.n : 0);
function varianceOf(m: Moments, metric: ExperimentMetric): number {
  if (m.n < 2) return Number.NaN;
  const mean = m.sum[metric] / m.n;
  return Math.max(0, (m.sq[metric] - m.n * mean * mean) / (m.n - 1));
}

function summary(m: Moments): ArmSummary {
  return {
    customers: m.n,
    conversion: meanOf(m, 'conversion'),
    orders: meanOf(m, 'orders'),
    gmv: meanOf(m, 'gmv'),
    grossProfit: meanOf(m, 'grossProfit'),
  };
}

/** Chi-square test of the arms' sizes against the planned split. */
export function sampleRatioCheck(
  treatment: number,
  holdout: number,
  plannedTreatmentShare: number,
): SampleRatioCheck {
  if (!(plannedTreatmentShare > 0 && plannedTreatmentShare < 1)) {
    throw new RangeError('plannedTreatmentShare must be in (0, 1)');
  }
  const n = treatment + holdout;
  if (n === 0) {
    return {
      plannedTreatmentShare,
      observedTreatmentShare: null,
      chiSquare: 0,
      pValue: 1,
      mismatch: false,
    };
  }
  const expectedT = n * plannedTreatmentShare;
  const expectedH = n - expectedT;
  const chiSquare =
    (treatment - expectedT) ** 2 / expectedT + (holdout - expectedH) ** 2 / expectedH;
  const pValue = chiSquareOneTail(chiSquare);
  return {
    plannedTreatmentShare,
    observedTreatmentShare: treatment / n,
    chiSquare,
    pValue,
    mismatch: pValue < SRM_P_VALUE,
  };
}

/** Lift of each metric per customer (treatment − holdout) with Welch intervals, and the SRM check. */
export function estimateExperiment(
  customers: readonly ExperimentCustomer[],
  options: { plannedTreatmentShare: number; level?: number },
): ExperimentResult {
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw new RangeError('level must be in (0, 1)');
  const t = momentsOf(customers, 'treatment');
  const h = momentsOf(customers, 'holdout');
  const z = normalQuantile(1 - (1 - level) / 2);
  const lift = {} as Record<ExperimentMetric, Lift>;
  for (const metric of EXPERIMENT_METRICS) {
    const mt = meanOf(t, metric);
    const mh = meanOf(h, metric);
    const estimate = mt - mh;
    const se = Math.sqrt(varianceOf(t, metric) / t.n + varianceOf(h, metric) / h.n);
    const relative = mh !== 0 ? estimate / mh : null;
    if (!Number.isFinite(se)) {
      lift[metric] = { estimate, low: null, high: null, relative, pValue: null };
      continue;
    }
    const pValue = se > 0 ? 2 * (1 - normalCdf(Math.abs(estimate) / se)) : estimate === 0 ? 1 : 0;
    lift[metric] = { estimate, low: estimate - z * se, high: estimate + z * se, relative, pValue };
  }
  return {
    treatment: summary(t),
    holdout: summary(h),
    lift,
    sampleRatio: sampleRatioCheck(t.n, h.n, options.plannedTreatmentShare),
    level,
  };
}

export interface PowerPlanInput {
  /** Holdout mean per customer over the test (a rate for conversion: 0.12 = 12 %). */
  baseline: number;
  /** Relative lift to detect: 0.1 = +10 % over the baseline. */
  lift: number;
  /** Per-customer standard deviation; for a rate leave it out (√(p(1 − p)) is used). */
  standardDeviation?: number;
  /** Share of customers held out (default 0.5: the fewest customers for a given power). */
  holdoutShare?: number;
  /** Customers who become eligible each week (for the weeks needed). */
  weeklyEligible?: number;
  alpha?: number;
  power?: number;
}

export interface PowerPlan {
  customers: number;
  treatment: number;
  holdout: number;
  /** Weeks of eligible customers needed; null without weeklyEligible. */
  weeks: number | null;
  /** Absolute difference detected (baseline × lift). */
  minimumDetectableEffect: number;
  standardDeviation: number;
  holdoutShare: number;
  alpha: number;
  power: number;
}

/**
 * Customers (and weeks) a two-arm test needs to detect `lift` with `power` at two-sided `alpha`:
 * n = (z₁₋α/₂ + z_power)² σ² (1/h + 1/(1 − h)) / δ², δ = baseline × lift.
 */
export function planExperiment(input: PowerPlanInput): PowerPlan {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  const h = input.holdoutShare ?? 0.5;
  if (!(input.baseline > 0)) throw new RangeError('baseline must be > 0');
  if (!(input.lift !== 0 && Number.isFinite(input.lift))) throw new RangeError('lift must be ≠ 0');
  if (!(h > 0 && h < 1)) throw new RangeError('holdoutShare must be in (0, 1)');
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
    throw new RangeError('alpha and power must be in (0, 1)');
  }
  let sd = input.standardDeviation;
  if (sd === undefined) {
    if (input.baseline >= 1) throw new RangeError('a mean ≥ 1 needs its standardDeviation');
    sd = Math.sqrt(input.baseline * (1 - input.baseline));
  }
  if (!(sd > 0)) throw new RangeError('standardDeviation must be > 0');
  const delta = Math.abs(input.baseline * input.lift);
  const zs = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const customers = Math.ceil((zs * zs * sd * sd * (1 / h + 1 / (1 - h))) / (delta * delta));
  const holdout = Math.ceil(customers * h);
  const weekly = input.weeklyEligible;
  return {
    customers,
    treatment: customers - holdout,
    holdout,
    weeks: weekly !== undefined && weekly > 0 ? Math.ceil(customers / weekly) : null,
    minimumDetectableEffect: delta,
    standardDeviation: sd,
    holdoutShare: h,
    alpha,
    power,
  };
}

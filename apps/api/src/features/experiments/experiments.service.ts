import type { ResponseOf } from '@yugang/contract';
import { experimentsContract } from '@yugang/contract';
import {
  EXPERIMENT_METRICS,
  estimateExperiment,
  planExperiment,
  type ExperimentCustomer,
  type Lift,
  type PowerPlanInput,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { assignedOutcomes, listExperiments } from './experiments.queries.js';

type Db = Kysely<Database>;
type ExperimentAnswer = Omit<ResponseOf<typeof experimentsContract.get>, 'freshness'>;

export async function experimentList(
  db: Db,
  workspace: Pick<Workspace, 'id'>,
): Promise<ResponseOf<typeof experimentsContract.list>> {
  const rows = await listExperiments(db, workspace.id);
  return {
    experiments: rows.map((r) => ({
      experimentId: r.experiment_id,
      treatment: Number(r.treatment),
      holdout: Number(r.holdout),
      firstAssignedAt: new Date(r.first_assigned_at).toISOString(),
      lastAssignedAt: new Date(r.last_assigned_at).toISOString(),
    })),
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** Money arrives in fen; JSON carries yuan with at most 2 decimals. */
function liftJson(l: Lift, fen: boolean) {
  const v = (x: number) => (fen ? round(x / 100, 2) : round(x, 6));
  return {
    estimate: v(l.estimate),
    low: l.low === null ? null : v(l.low),
    high: l.high === null ? null : v(l.high),
    relative: l.relative === null ? null : round(l.relative, 6),
    pValue: l.pValue === null ? null : round(l.pValue, 6),
  };
}

export async function experimentLift(
  db: Db,
  workspace: Pick<Workspace, 'id'>,
  experimentId: string,
  options: { asOf: string; days: number; holdoutShare: number },
): Promise<ExperimentAnswer> {
  const rows = await assignedOutcomes(db, workspace.id, experimentId, options);
  if (rows.length === 0)
    throw new AppError(404, 'not_found', `experiment ${experimentId} not found`);
  const customers: ExperimentCustomer[] = rows.map((r) => ({
    arm: r.arm,
    orders: Number(r.orders),
    gmv: Number(r.gmv_fen),
    grossProfit: Number(r.gross_profit_fen),
  }));
  const r = estimateExperiment(customers, { plannedTreatmentShare: 1 - options.holdoutShare });
  const armJson = (a: typeof r.treatment) => ({
    customers: a.customers,
    conversion: round(a.conversion, 6),
    orders: round(a.orders, 6),
    gmv: round(a.gmv / 100, 2),
    grossProfit: round(a.grossProfit / 100, 2),
  });
  const lift = Object.fromEntries(
    EXPERIMENT_METRICS.map((m) => [m, liftJson(r.lift[m], m === 'gmv' || m === 'grossProfit')]),
  ) as ExperimentAnswer['lift'];
  const gp = lift.grossProfit;
  const srm = r.sampleRatio;
  const interval =
    gp.low === null || gp.high === null ? null : `¥${gp.low.toFixed(2)}–¥${gp.high.toFixed(2)}`;
  const summary = srm.mismatch
    ? {
        'zh-CN': '实验组与对照组的人数比例与计划不符（样本比例失衡），请先检查分组，再看提升。',
        en: 'The arms are not split as planned (sample-ratio mismatch): check the assignment before reading the lift.',
      }
    : {
        'zh-CN': `实验组每位客户 ${options.days} 天多贡献毛利 ¥${gp.estimate.toFixed(2)}${interval ? `（90% 区间 ${interval}）` : ''}。`,
        en: `Treatment added ¥${gp.estimate.toFixed(2)} of gross profit per customer over ${options.days} days${interval ? ` (90% interval ${interval})` : ''}.`,
      };
  return {
    experimentId,
    asOf: options.asOf,
    days: options.days,
    treatment: armJson(r.treatment),
    holdout: armJson(r.holdout),
    lift,
    sampleRatio: {
      plannedHoldoutShare: options.holdoutShare,
      observedHoldoutShare:
        srm.observedTreatmentShare === null ? null : round(1 - srm.observedTreatmentShare, 6),
      chiSquare: round(srm.chiSquare, 6),
      pValue: srm.pValue,
      mismatch: srm.mismatch,
    },
    summary,
  };
}

export function experimentPlan(query: {
  baseline: number;
  lift: number;
  sd?: number | undefined;
  holdoutShare: number;
  weeklyEligible?: number | undefined;
  alpha: number;
  power: number;
}): ResponseOf<typeof experimentsContract.plan> {
  const input: PowerPlanInput = {
    baseline: query.baseline,
    lift: query.lift,
    holdoutShare: query.holdoutShare,
    alpha: query.alpha,
    power: query.power,
  };
  if (query.sd !== undefined) input.standardDeviation = query.sd;
  if (query.weeklyEligible !== undefined) input.weeklyEligible = query.weeklyEligible;
  let plan;
  try {
    plan = planExperiment(input);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError(400, 'invalid_request', e.message);
    throw e;
  }
  const weeks = plan.weeks === null ? '' : `，约 ${plan.weeks} 周`;
  const weeksEn = plan.weeks === null ? '' : `, about ${plan.weeks} weeks`;
  const pct = Math.round(query.lift * 1000) / 10;
  return {
    ...plan,
    summary: {
      'zh-CN': `要以 ${Math.round(plan.power * 100)}% 的把握发现 ${pct}% 的提升（α = ${plan.alpha}），需要 ${plan.customers.toLocaleString('en-US')} 位客户（对照组 ${plan.holdout.toLocaleString('en-US')} 位）${weeks}。`,
      en: `To detect a ${pct}% lift with ${Math.round(plan.power * 100)}% power at α = ${plan.alpha}, the test needs ${plan.customers.toLocaleString('en-US')} customers (${plan.holdout.toLocaleString('en-US')} held out)${weeksEn}.`,
    },
  };
}

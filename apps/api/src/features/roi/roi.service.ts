import {
  addDays,
  applyRate,
  budgetSplit,
  costsByCategory,
  cumulativeCurves,
  fenToYuan,
  monthOf,
  nurtureCost,
  privateRoi,
  publicCac,
  type CostRecord,
  type DateWindow,
  type EconomicsMonth,
  type Evidence,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { readModelSettings } from '../../read-model/read-model.settings.js';
import {
  monthlyCosts,
  monthlyOrderSums,
  newCustomersAndMembers,
  orderSums,
  type OrderSums,
} from './roi.queries.js';

type Db = Kysely<Database>;

/** Evidence whose numerator and denominator are both fen (a pure ratio): only the sides move to yuan. */
function ratioOfMoney(e: Evidence): Evidence {
  return { ...e, numerator: fenToYuan(e.numerator), denominator: fenToYuan(e.denominator) };
}

/** Evidence of money per head (numerator fen, denominator a count): value and numerator in yuan. */
function moneyPerHead(e: Evidence): Evidence {
  return {
    ...e,
    value: e.value === null ? null : fenToYuan(Math.round(e.value)),
    numerator: fenToYuan(e.numerator),
  };
}

/**
 * Gross profit of the GMV credited to private. The read model keeps credited GMV but not credited
 * gross profit, so the credited share carries the period's gross margin:
 * gross profit × credited private GMV / GMV, rounded to the fen. Exact when private and public
 * orders of the period have the same margin.
 */
export function creditedPrivateGrossProfitFen(s: OrderSums): number {
  return s.gmvFen === 0 ? 0 : Math.round((s.grossProfitFen * s.creditedPrivateFen) / s.gmvFen);
}

/**
 * Platform commission on public-channel GMV at the workspace's reference commission rate (the
 * read model does not keep per-order commission).
 */
function publicCommissionFen(s: OrderSums, rate: number): number {
  return applyRate(s.gmvFen - s.privateChannelGmvFen, rate);
}

const yuanCosts = <T extends object>(costs: T): Record<keyof T, number> =>
  Object.fromEntries(
    Object.entries(costs).map(([k, v]) => [k, typeof v === 'number' ? fenToYuan(v) : v]),
  ) as Record<keyof T, number>;

/** roi, kept per data version and settings (readModelCache). */
export async function cachedRoi(db: Db, workspace: Workspace, window: DateWindow) {
  const { value } = await readModelCache.get(
    db,
    workspace.id,
    'roi',
    [window.from, window.to, workspace.time_zone, JSON.stringify(workspace.settings)],
    () => roi(db, workspace, window),
  );
  return value;
}

export async function roi(db: Db, workspace: Workspace, window: DateWindow) {
  const settings = readModelSettings(workspace);
  const lastDay = addDays(window.to, -1);
  const [sums, costRows, newCustomers, monthly, yearly] = await Promise.all([
    orderSums(db, workspace.id, window.from, window.to),
    monthlyCosts(db, workspace.id),
    newCustomersAndMembers(db, workspace.id, window.from, window.to),
    monthlyOrderSums(db, workspace.id, window.to),
    orderSums(db, workspace.id, addDays(window.to, -365), window.to),
  ]);
  const costs: CostRecord[] = costRows;
  const privateCosts = costsByCategory(costs, window, 'private');
  const publicCosts = costsByCategory(costs, window, 'public');

  const privateGpFen = creditedPrivateGrossProfitFen(sums);
  const roiFigure = privateRoi({
    privateGmvFen: sums.creditedPrivateFen,
    privateGrossProfitFen: privateGpFen,
    costs: privateCosts,
  });
  const cac = publicCac({
    publicTrafficFen: publicCosts.traffic,
    newPublicCustomers: newCustomers.public,
  });
  const nurture = nurtureCost({
    privateCosts,
    newPrivateMembers: newCustomers.members,
    publicCacFen: cac.value,
  });
  const split = budgetSplit(privateCosts, { yearlyGmvFen: yearly.gmvFen });

  // Cumulative curves: every month from the launch month to the window's last month.
  const launchMonth = workspace.private_launched_on
    ? monthOf(workspace.private_launched_on)
    : undefined;
  const lastMonth = monthOf(lastDay);
  const months = new Set<string>([...monthly.keys(), ...costs.map((c) => c.month)]);
  const economics: EconomicsMonth[] = [];
  for (const month of [...months].sort()) {
    if (month > lastMonth) continue;
    const s = monthly.get(month);
    const priv = costsByCategory(costs, { months: [month] }, 'private');
    const pub = costsByCategory(costs, { months: [month] }, 'public');
    const privGp = s ? creditedPrivateGrossProfitFen(s) : 0;
    economics.push({
      month,
      privateCostFen: priv.total,
      privateFixedCostFen: priv.fixed,
      privateGrossProfitFen: privGp,
      publicCostFen: pub.total,
      publicFixedCostFen: pub.fixed,
      publicGrossProfitFen: s ? s.grossProfitFen - privGp : 0,
      publicCommissionFen: s ? publicCommissionFen(s, settings.commissionRate) : 0,
    });
  }
  // Make sure the axis reaches the window's last month even without data in it.
  if (!economics.some((m) => m.month === lastMonth)) {
    economics.push({
      month: lastMonth,
      privateCostFen: 0,
      privateGrossProfitFen: 0,
      publicCostFen: 0,
      publicGrossProfitFen: 0,
    });
  }
  const curves = cumulativeCurves(
    launchMonth ? { months: economics, launchMonth } : { months: economics },
  );

  return {
    window,
    privateRoi: {
      value: roiFigure.value,
      numerator: fenToYuan(roiFigure.numerator),
      denominator: fenToYuan(roiFigure.denominator),
      ...(roiFigure.reason ? { reason: roiFigure.reason } : {}),
      grossMarginRate: ratioOfMoney(roiFigure.grossMarginRate),
      privateGmv: fenToYuan(sums.creditedPrivateFen),
      privateGrossProfit: fenToYuan(privateGpFen),
      variableCost: fenToYuan(roiFigure.variableCostFen),
      fixedCost: fenToYuan(roiFigure.fixedCostFen),
    },
    publicCac: {
      ...moneyPerHead(cac),
      publicTrafficCost: fenToYuan(publicCosts.traffic),
      newPublicCustomers: newCustomers.public,
      newPrivateFirstOrderCustomers: newCustomers.private,
    },
    nurtureCost: {
      cost: moneyPerHead(nurture.cost),
      ceiling: nurture.ceilingFen === null ? null : fenToYuan(Math.round(nurture.ceilingFen)),
      multiple: nurture.multiple,
      ratioToCac: nurture.ratioToCac,
      withinCeiling: nurture.withinCeiling,
      newPrivateMembers: newCustomers.members,
    },
    budgetSplit: {
      total: fenToYuan(split.totalFen),
      shares: split.shares.map((s) => ({
        purpose: s.purpose,
        category: s.category,
        label: s.label,
        amount: fenToYuan(s.amountFen),
        share: ratioOfMoney(s.share),
        target: s.target,
        deviation: s.deviation,
      })),
      totalAbsoluteDeviation: split.totalAbsoluteDeviation,
      ruleApplies: split.ruleApplies,
      yearlyGmv: fenToYuan(yearly.gmvFen),
      note: split.note,
    },
    costs: {
      private: { ...yuanCosts(pick(privateCosts)), months: privateCosts.months },
      public: { ...yuanCosts(pick(publicCosts)), months: publicCosts.months },
      partialMonths: [...new Set([...privateCosts.partialMonths, ...publicCosts.partialMonths])],
    },
    cumulative: {
      launchMonth: curves.launchMonth,
      points: curves.points.map((p) => ({
        month: p.month,
        index: p.index,
        privateCost: fenToYuan(p.privateCostFen),
        privateGrossProfit: fenToYuan(p.privateGrossProfitFen),
        publicCost: fenToYuan(p.publicCostFen),
        publicGrossProfit: fenToYuan(p.publicGrossProfitFen),
        privateRoi: p.privateRoi,
        publicRoi: p.publicRoi,
      })),
      costBalance: curves.costBalance,
      roiConvergence: curves.roiConvergence,
    },
    notes: [
      'Private gross profit = gross profit × credited private GMV / GMV per period (the read model has no credited gross profit).',
      'Public commission = public-channel GMV × the workspace reference commission rate.',
      'Monthly costs count only for months wholly inside the window (see costs.partialMonths).',
    ],
  };
}

function pick(c: {
  labor: number;
  tools: number;
  traffic: number;
  trial: number;
  fixed: number;
  total: number;
}) {
  return {
    labor: c.labor,
    tools: c.tools,
    traffic: c.traffic,
    trial: c.trial,
    fixed: c.fixed,
    total: c.total,
  };
}

import { describe, expect, it } from 'vitest';
import {
  budgetSplit,
  costsByCategory,
  cumulativeCurves,
  newCustomersByFirstOrderDomain,
  newPrivateMembers,
  nurtureCeiling,
  nurtureCost,
  privateRoi,
  publicCac,
  type EconomicsMonth,
} from './economics.js';
import type { CostRecord, CustomerRecord, OrderRecord } from './records.js';

const YUAN = 100;
const TZ = 'Asia/Shanghai';

function order(p: Partial<OrderRecord> & Pick<OrderRecord, 'id' | 'customerId'>): OrderRecord {
  const orderedAt = p.orderedAt ?? new Date('2024-03-10T04:00:00Z');
  return {
    channel: 'tmall',
    domain: 'public',
    orderedAt,
    localDate: p.localDate ?? orderedAt.toISOString().slice(0, 10),
    amountFen: 10_000,
    grossProfitFen: null,
    commissionFen: null,
    status: 'paid',
    returned: false,
    refundFen: 0,
    ...p,
  };
}

describe('privateRoi', () => {
  it('when the seed formula is applied to a worked month, then ROI = (GMV×margin − fixed) / (labor+tools+traffic+trial)', () => {
    // GMV ¥1,000,000 at a 40% margin, fixed ¥50,000, variable costs ¥250,000 in all.
    const roi = privateRoi({
      privateGmvFen: 1_000_000 * YUAN,
      privateGrossProfitFen: 400_000 * YUAN,
      costs: {
        labor: 120_000 * YUAN,
        tools: 30_000 * YUAN,
        traffic: 80_000 * YUAN,
        trial: 20_000 * YUAN,
        fixed: 50_000 * YUAN,
      },
    });
    expect(roi.value).toBeCloseTo(1.4, 10);
    expect(roi.numerator).toBe(350_000 * YUAN);
    expect(roi.denominator).toBe(250_000 * YUAN);
    expect(roi.grossMarginRate.value).toBeCloseTo(0.4, 10);
    expect(roi.fixedCostFen).toBe(50_000 * YUAN);
  });

  it('when fixed costs exceed gross profit, then ROI is negative, not clamped', () => {
    const roi = privateRoi({
      privateGmvFen: 10_000,
      privateGrossProfitFen: 3_000,
      costs: { labor: 1_000, tools: 0, traffic: 0, trial: 0, fixed: 5_000 },
    });
    expect(roi.value).toBe(-2);
  });

  it('when there are no variable costs or no GMV, then the ratios are null with a reason', () => {
    const roi = privateRoi({
      privateGmvFen: 0,
      privateGrossProfitFen: 0,
      costs: { labor: 0, tools: 0, traffic: 0, trial: 0, fixed: 100 },
    });
    expect(roi.value).toBeNull();
    expect(roi.reason).toMatch(/costs/);
    expect(roi.grossMarginRate.value).toBeNull();
    expect(roi.grossMarginRate.reason).toMatch(/GMV/);
  });
});

describe('costsByCategory', () => {
  const costs: CostRecord[] = [
    { month: '2024-03', domain: 'private', category: 'labor', amountFen: 100 },
    { month: '2024-03', domain: 'private', category: 'labor', amountFen: 50 },
    { month: '2024-04', domain: 'private', category: 'tools', amountFen: 20 },
    { month: '2024-04', domain: 'public', category: 'traffic', amountFen: 999 },
    { month: '2024-05', domain: 'private', category: 'fixed', amountFen: 7 },
  ];

  it('when a window covers whole months, then their costs of that domain are summed by category', () => {
    const sums = costsByCategory(costs, { from: '2024-03-01', to: '2024-05-01' }, 'private');
    expect(sums).toMatchObject({ labor: 150, tools: 20, traffic: 0, fixed: 0, total: 170 });
    expect(sums.months).toEqual(['2024-03', '2024-04']);
    expect(sums.partialMonths).toEqual([]);
  });

  it('when a window cuts a month, then that month is left out and listed as partial', () => {
    const sums = costsByCategory(costs, { from: '2024-03-15', to: '2024-05-10' }, 'private');
    expect(sums.total).toBe(20);
    expect(sums.partialMonths).toEqual(['2024-03', '2024-05']);
  });

  it('when months are listed, then exactly those months count', () => {
    const sums = costsByCategory(costs, { months: ['2024-04', '2024-05'] }, 'public');
    expect(sums.traffic).toBe(999);
    expect(sums.total).toBe(999);
  });
});

describe('publicCac and new customers', () => {
  it('when a first-ever order was cancelled, then the next order decides the domain', () => {
    const orders = [
      order({ id: 'a1', customerId: 'a', localDate: '2024-03-02', status: 'cancelled' }),
      order({
        id: 'a2',
        customerId: 'a',
        orderedAt: new Date('2024-03-11T04:00:00Z'),
        localDate: '2024-03-11',
        domain: 'private',
      }),
      order({ id: 'b1', customerId: 'b', localDate: '2024-03-05' }),
      order({
        id: 'c1',
        customerId: 'c',
        orderedAt: new Date('2024-02-01T04:00:00Z'),
        localDate: '2024-02-01',
      }),
      order({ id: 'c2', customerId: 'c', localDate: '2024-03-05' }),
    ];
    const counts = newCustomersByFirstOrderDomain(orders, { from: '2024-03-01', to: '2024-04-01' });
    expect(counts).toEqual({ public: 1, private: 1 });
    expect(publicCac({ publicTrafficFen: 10_000, newPublicCustomers: counts.public }).value).toBe(
      10_000,
    );
  });

  it('when no customer was won in public, then CAC is null with a reason', () => {
    const cac = publicCac({ publicTrafficFen: 10_000, newPublicCustomers: 0 });
    expect(cac.value).toBeNull();
    expect(cac.reason).toBeDefined();
  });

  it('when members join on a Shanghai date inside the window, then they are new members', () => {
    const customer = (id: string, joined: string | null): CustomerRecord => ({
      id,
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: joined ? new Date(joined) : null,
      leftPrivateAt: null,
    });
    const customers = [
      customer('a', '2024-02-29T16:30:00Z'), // 2024-03-01 00:30 in Shanghai
      customer('b', '2024-02-29T15:30:00Z'), // 2024-02-29 23:30 in Shanghai
      customer('c', null),
    ];
    expect(newPrivateMembers(customers, { from: '2024-03-01', to: '2024-04-01' }, TZ)).toBe(1);
  });
});

describe('nurture cost', () => {
  it('when public CAC is ¥100, then the nurture ceiling is ¥300 (seed 000 Q4)', () => {
    expect(nurtureCeiling(100 * YUAN)).toBe(300 * YUAN);
  });

  it('when nurture cost is ¥250 against a ¥100 CAC, then the ratio is 2.5 and within the ceiling', () => {
    const result = nurtureCost({
      privateCosts: {
        labor: 15_000 * YUAN,
        tools: 5_000 * YUAN,
        traffic: 4_000 * YUAN,
        trial: 1_000 * YUAN,
      },
      newPrivateMembers: 100,
      publicCacFen: 100 * YUAN,
    });
    expect(result.cost.value).toBe(250 * YUAN);
    expect(result.ceilingFen).toBe(300 * YUAN);
    expect(result.ratioToCac.value).toBe(2.5);
    expect(result.withinCeiling).toBe(true);
  });

  it('when nurture cost is ¥301 against a ¥100 CAC, then it is over the ceiling', () => {
    const result = nurtureCost({
      privateCosts: { labor: 301 * YUAN, tools: 0, traffic: 0, trial: 0 },
      newPrivateMembers: 1,
      publicCacFen: 100 * YUAN,
    });
    expect(result.withinCeiling).toBe(false);
  });

  it('when there are no new members or no CAC, then the figures are null with reasons', () => {
    const noMembers = nurtureCost({
      privateCosts: { labor: 1, tools: 0, traffic: 0, trial: 0 },
      newPrivateMembers: 0,
      publicCacFen: 100,
    });
    expect(noMembers.cost.value).toBeNull();
    expect(noMembers.ratioToCac.value).toBeNull();
    expect(noMembers.withinCeiling).toBeNull();
    const noCac = nurtureCost({
      privateCosts: { labor: 1, tools: 0, traffic: 0, trial: 0 },
      newPrivateMembers: 1,
      publicCacFen: null,
    });
    expect(noCac.ceilingFen).toBeNull();
    expect(noCac.ratioToCac.reason).toMatch(/CAC/);
  });
});

describe('budgetSplit', () => {
  it('when the spend is 50/30/20, then cold start is 10 points under the 60/20/20 rule and tools 10 over', () => {
    const split = budgetSplit({ traffic: 50_000, tools: 30_000, trial: 20_000 });
    const [cold, tools, trial] = split.shares;
    expect(cold!.share.value).toBe(0.5);
    expect(cold!.deviation).toBeCloseTo(-0.1, 12);
    expect(tools!.deviation).toBeCloseTo(0.1, 12);
    expect(trial!.deviation).toBeCloseTo(0, 12);
    expect(split.totalAbsoluteDeviation).toBeCloseTo(0.2, 12);
  });

  it('when the spend is exactly 60/20/20, then every deviation is zero', () => {
    const split = budgetSplit({ traffic: 600, tools: 200, trial: 200 });
    expect(split.shares.map((s) => s.deviation)).toEqual([0, 0, 0]);
  });

  it('when yearly GMV is given, then the rule applies only up to ¥50M', () => {
    const costs = { traffic: 6, tools: 2, trial: 2 };
    expect(budgetSplit(costs, { yearlyGmvFen: 50_000_000 * YUAN }).ruleApplies).toBe(true);
    expect(budgetSplit(costs, { yearlyGmvFen: 50_000_001 * YUAN }).ruleApplies).toBe(false);
    expect(budgetSplit(costs).ruleApplies).toBeNull();
    expect(budgetSplit(costs).note['zh-CN']).toContain('5000万');
  });

  it('when nothing was spent, then shares and deviations are null', () => {
    const split = budgetSplit({ traffic: 0, tools: 0, trial: 0 });
    expect(split.shares.every((s) => s.share.value === null && s.deviation === null)).toBe(true);
    expect(split.totalAbsoluteDeviation).toBeNull();
  });
});

describe('cumulativeCurves', () => {
  // Private: ¥100 a month of cost, gross profit ramping up; public: steady ROI 1.2.
  const privateProfit = [0, 50, 100, 150, 200, 250];
  const months: EconomicsMonth[] = privateProfit.map((gp, i) => ({
    month: `2024-0${i + 2}`,
    privateCostFen: 100,
    privateGrossProfitFen: gp,
    publicCostFen: 100,
    publicGrossProfitFen: 120,
  }));
  const before: EconomicsMonth = {
    month: '2024-01',
    privateCostFen: 0,
    privateGrossProfitFen: 0,
    publicCostFen: 100,
    publicGrossProfitFen: 500,
  };

  it('when private profit ramps up, then cost balance is the first month cumulative profit covers cumulative cost', () => {
    const curves = cumulativeCurves({ months: [before, ...months] });
    expect(curves.launchMonth).toBe('2024-02');
    expect(curves.points.map((p) => p.privateGrossProfitFen)).toEqual([0, 50, 150, 300, 500, 750]);
    expect(curves.costBalance).toEqual({
      month: '2024-06',
      index: 5,
      label: { 'zh-CN': '第 5 个月', en: 'month 5' },
    });
  });

  it('when cumulative private ROI passes the public ROI of 1.2, then that is the convergence month', () => {
    const curves = cumulativeCurves({ months: [...months].reverse() });
    expect(curves.points[4]!.privateRoi).toBe(1);
    expect(curves.points[5]!.privateRoi).toBe(1.25);
    expect(curves.points[5]!.publicRoi).toBe(1.2);
    expect(curves.roiConvergence?.month).toBe('2024-07');
    expect(curves.roiConvergence?.index).toBe(6);
  });

  it('when fixed costs and commissions are given, then the ROIs follow the seed formula on cumulative sums', () => {
    const curves = cumulativeCurves({
      months: [
        {
          month: '2024-01',
          privateCostFen: 300,
          privateFixedCostFen: 100,
          privateGrossProfitFen: 500,
          publicCostFen: 200,
          publicGrossProfitFen: 300,
          publicCommissionFen: 50,
        },
      ],
    });
    expect(curves.points[0]!.privateRoi).toBe(2); // (500 − 100) / (300 − 100)
    expect(curves.points[0]!.publicRoi).toBe(1.25); // (300 − 50) / 200
  });

  it('when a month is missing, then it counts as zero and the index keeps counting', () => {
    const curves = cumulativeCurves({
      months: [months[0]!, { ...months[0]!, month: '2024-04' }],
      launchMonth: '2024-02',
    });
    expect(curves.points.map((p) => [p.month, p.index, p.privateCostFen])).toEqual([
      ['2024-02', 1, 100],
      ['2024-03', 2, 100],
      ['2024-04', 3, 200],
    ]);
  });

  it('when private never pays back, then both marks are null and nothing is NaN', () => {
    const curves = cumulativeCurves({
      months: [{ ...before, privateCostFen: 100, publicCostFen: 0, publicGrossProfitFen: 0 }],
    });
    expect(curves.costBalance).toBeNull();
    expect(curves.roiConvergence).toBeNull();
    expect(curves.points[0]!.publicRoi).toBeNull();
    expect(cumulativeCurves({ months: [] }).points).toEqual([]);
  });
});

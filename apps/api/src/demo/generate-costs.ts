/**
 * Monthly costs (METRICS §3). Private costs start at the launch month: a running cost that
 * scales with the private business (labor, a little fixed, and the 60/20/20 budget of traffic,
 * tools and trial) plus a one-off setup (系统搭建, fixed) in the first three months, sized from
 * the orders actually generated so cumulative private gross profit overtakes cumulative private
 * cost in STORY.costs.costBalanceMonth (000 Q4: "私域需承担前期固定投入", 成本平衡点).
 * Public costs: ad traffic per new public customer (public CAC) and the e-commerce team.
 */
import type { CopyValue } from '../db/database.js';
import type { CostCategory, Domain } from '../db/schema.js';
import type { OrderStats } from './generate-customers.js';
import { Random } from './random.js';
import { STORY } from './story.js';
import type { Timeline } from './timeline.js';

const K = STORY.costs;

export const COST_COLUMNS = ['workspace_id', 'month', 'domain', 'category', 'note', 'amount_fen'];

export interface DemoCost {
  month: string;
  domain: Domain;
  category: CostCategory;
  note: string;
  amountFen: number;
}

const NOTES: Record<CostCategory, string> = {
  labor: '私域运营团队薪酬',
  tools: '企微SCRM与数据看板',
  traffic: '包裹卡/门店导流/直播引流',
  trial: '社群活动补贴与SOP试错',
  fixed: '管理费用分摊',
};
const SETUP_NOTE = '私域系统搭建(一次性)';
const SETUP_SPREAD = [0.5, 0.3, 0.2];

export function demoCosts(seed: number, count: number, t: Timeline, stats: OrderStats): DemoCost[] {
  const rng = Random.for(seed, 3, 0);
  const scale = count / 20_000;
  const costs: DemoCost[] = [];
  const launchMonth = t.launchDate.slice(0, 7);
  const privateMonths = t.months.filter((m) => m >= launchMonth);

  // Running private cost per month, by category, in whole fen.
  const running: DemoCost[][] = privateMonths.map((month) => {
    const gp = stats.privateGrossProfitFen.get(month) ?? 0;
    const total = K.runningShareOfGrossProfit * gp + K.runningFloorYuan * 100 * scale;
    const budget = total * (1 - K.laborShare - K.fixedShare);
    const jitter = () => 1 + (rng.next() * 2 - 1) * K.budgetJitter;
    const parts: Array<[CostCategory, number]> = [
      ['labor', total * K.laborShare],
      ['fixed', total * K.fixedShare],
      ['traffic', budget * K.budgetSplit.traffic * jitter()],
      ['tools', budget * K.budgetSplit.tools * jitter()],
      ['trial', budget * K.budgetSplit.trial * jitter()],
    ];
    return parts.map(([category, fen]) => ({
      month,
      domain: 'private' as const,
      category,
      note: NOTES[category],
      amountFen: Math.round(fen / 100) * 100,
    }));
  });

  // Setup sized between the running surplus up to month K−1 and up to month K.
  const surplus: number[] = [];
  let sum = 0;
  privateMonths.forEach((month, i) => {
    const gp = Math.round(stats.privateGrossProfitFen.get(month) ?? 0);
    sum += gp - (running[i] ?? []).reduce((s, c) => s + c.amountFen, 0);
    surplus.push(sum);
  });
  const k = K.costBalanceMonth;
  const atK = surplus[k - 1] ?? sum;
  const before = Math.max(0, ...surplus.slice(0, k - 1));
  const setup = Math.max(0, atK > before ? atK - (atK - before) * 0.25 : atK);
  privateMonths.forEach((month, i) => {
    costs.push(...(running[i] ?? []));
    const share = SETUP_SPREAD[i];
    if (share !== undefined && setup > 0) {
      costs.push({
        month,
        domain: 'private',
        category: 'fixed',
        note: SETUP_NOTE,
        amountFen: Math.floor((setup * share) / 100) * 100,
      });
    }
  });

  // Public: ad spend per new public customer, and the e-commerce team.
  for (const month of t.months) {
    const newCustomers = stats.newPublicCustomers.get(month) ?? 0;
    const cac = K.publicCacYuan * (1 + (rng.next() * 2 - 1) * K.publicCacJitter);
    costs.push({
      month,
      domain: 'public',
      category: 'traffic',
      note: '平台投放(直通车/千川)',
      amountFen: Math.round(newCustomers * cac) * 100,
    });
    costs.push({
      month,
      domain: 'public',
      category: 'labor',
      note: '电商运营团队薪酬',
      amountFen: Math.round((K.publicLaborYuanPer1000 * count) / 1000) * 100,
    });
  }
  return costs;
}

export function* costRows(workspaceId: number, costs: readonly DemoCost[]): Generator<CopyValue[]> {
  for (const c of costs) {
    yield [workspaceId, `${c.month}-01`, c.domain, c.category, c.note, c.amountFen];
  }
}

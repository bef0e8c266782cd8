/**
 * The review's figures, each read through the service that already answers it (summary,
 * attribution, roi, team KPIs, community, risk), for every period of the sparkline series and
 * the same period a year earlier. Sources that read a span at once (attribution, live sessions,
 * members) are read once for the span and cut per period.
 */
/* eslint-disable import-x/no-restricted-paths -- the review is where features are composed (like warm-up/): it reads each figure through the service that answers it */
import {
  addDays,
  fenToYuan,
  figure,
  metricById,
  ratio,
  responseRateOf,
  guideRate,
  startOfLocalDate,
  type DateWindow,
  type Evidence,
  type MetricId,
  type MetricUnit,
  type Section1Id,
  type Segment,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { evidenceInYuan } from '../../read-model/read-model.totals.js';
import { creditedGmvFromReadModel } from '../attribution/attribution.service.js';
import { community } from '../community/community.service.js';
import { risk } from '../risk/risk.service.js';
import { cachedRoi } from '../roi/roi.service.js';
import { customerValueFromReadModel } from '../summary/summary.service.js';
import { conversationCounts, liveSessions } from '../team-kpis/team-kpis.queries.js';
import { privateMembersIn } from './review.queries.js';
import type { Periods } from './review-window.js';

type Db = Kysely<Database>;

export interface FigureData {
  key: string;
  metric: MetricId;
  segment: Segment;
  unit: MetricUnit;
  measure: 'value' | 'share';
  seriesGrain: 'week' | 'month';
  /** The window each series point is computed over (oldest first; the last is current). */
  windows: DateWindow[];
  points: Evidence[];
  yearAgoWindow: DateWindow;
  yearAgo: Evidence;
  /** nurture_cost: the 3 × public CAC ceiling of the current period, in yuan. */
  ceiling?: number | null;
}

interface Spec {
  key: string;
  metric: MetricId;
  segment: Segment;
  measure?: 'value' | 'share';
}

type Values = Record<string, Evidence & { ceiling?: number | null }>;

/**
 * Evaluates `compute` for every series period and the year-ago one, one after another: the
 * review runs seven of these side by side, and thirteen periods each in parallel would ask the
 * pool (10 connections) for ~90 at once; at millions of customers the last ones then waited past
 * the pool's 5 s and the review answered 503.
 */
async function collect(
  periods: Periods,
  grain: 'week' | 'month',
  specs: readonly Spec[],
  compute: (w: DateWindow) => Promise<Values> | Values,
  windowOf: (w: DateWindow) => DateWindow = (w) => w,
): Promise<FigureData[]> {
  const all = [...periods.series, periods.yearAgo];
  const results: Values[] = [];
  for (const w of all) results.push(await compute(windowOf(w)));
  const yearAgo = results.pop()!;
  return specs.map((s) => {
    const pick = (v: Values): Evidence => {
      const { ceiling: _ceiling, ...e } = v[s.key]!;
      return e;
    };
    return {
      key: s.key,
      metric: s.metric,
      segment: s.segment,
      unit: metricById(s.metric).unit,
      measure: s.measure ?? 'value',
      seriesGrain: grain,
      windows: periods.series.map(windowOf),
      points: results.map(pick),
      yearAgoWindow: windowOf(periods.yearAgo),
      yearAgo: pick(yearAgo),
      ...(s.metric === 'nurture_cost' ? { ceiling: results.at(-1)![s.key]!.ceiling ?? null } : {}),
    };
  });
}

const section1 = (id: Section1Id, segment: 'public' | 'private'): Spec => ({
  key: `${id}_${segment}`,
  metric: id,
  segment,
});

async function customerValue(db: Db, ws: Workspace, w: DateWindow, specs: readonly Spec[]) {
  const { metrics } = await customerValueFromReadModel(db, ws, w);
  const out: Values = {};
  for (const s of specs) {
    const id = s.metric as Section1Id;
    out[s.key] = evidenceInYuan(id, metrics[id][s.segment]);
  }
  return out;
}

/** Return rate, AOV and ARPU of the week (the summary endpoint's figures). */
export function weeklyCustomerValue(db: Db, ws: Workspace, weeks: Periods) {
  const specs = [
    section1('return_rate', 'private'),
    section1('return_rate', 'public'),
    section1('aov', 'private'),
    section1('arpu', 'private'),
  ];
  return collect(weeks, 'week', specs, (w) => customerValue(db, ws, w, specs));
}

/** Purchase frequency and repeat-purchase rate over the 365 days ending with each week. */
export function yearlyCustomerValue(db: Db, ws: Workspace, weeks: Periods) {
  const specs = [
    section1('purchase_frequency', 'private'),
    section1('purchase_frequency', 'public'),
    section1('repeat_purchase_rate', 'private'),
    section1('repeat_purchase_rate', 'public'),
  ];
  return collect(
    weeks,
    'week',
    specs,
    (w) => customerValue(db, ws, w, specs),
    (w) => ({ from: addDays(w.to, -365), to: w.to }),
  );
}

/** GMV credited to private and its share of all GMV (the attribution endpoint's weekly rows). */
export async function creditedGmv(db: Db, ws: Workspace, weeks: Periods) {
  const span = { from: weeks.series[0]!.from, to: weeks.series.at(-1)!.to };
  const [rows, yearAgoRows] = await Promise.all([
    creditedGmvFromReadModel(db, ws.id, 'week', span),
    creditedGmvFromReadModel(db, ws.id, 'week', weeks.yearAgo),
  ]);
  const byWeek = new Map([...rows, ...yearAgoRows].map((r) => [r.period, r]));
  return collect(
    weeks,
    'week',
    [
      { key: 'credited_gmv_private', metric: 'credited_gmv', segment: 'private' },
      {
        key: 'credited_gmv_private_share',
        metric: 'credited_gmv',
        segment: 'private',
        measure: 'share',
      },
    ],
    (w) => {
      const r = byWeek.get(w.from);
      const privateFen = r?.private ?? 0;
      const totalFen = r?.total ?? 0;
      return {
        credited_gmv_private: figure(fenToYuan(privateFen)),
        credited_gmv_private_share: ratio(
          fenToYuan(privateFen),
          fenToYuan(totalFen),
          'no GMV in the window',
        ),
      };
    },
  );
}

/** New private members in each week and members at its end. */
export async function members(db: Db, ws: Workspace, weeks: Periods) {
  const all = [...weeks.series, weeks.yearAgo];
  const counts = await privateMembersIn(db, ws.id, all);
  const byWeek = new Map(all.map((w, i) => [w.from, counts[i]!]));
  return collect(
    weeks,
    'week',
    [
      { key: 'private_members', metric: 'private_members', segment: 'private' },
      { key: 'new_private_members', metric: 'new_private_members', segment: 'private' },
    ],
    (w) => ({
      private_members: figure(byWeek.get(w.from)?.atEnd ?? 0),
      new_private_members: figure(byWeek.get(w.from)?.joined ?? 0),
    }),
  );
}

const plain = (e: Evidence): Evidence => ({
  value: e.value,
  numerator: e.numerator,
  denominator: e.denominator,
  ...(e.reason !== undefined ? { reason: e.reason } : {}),
});

/** Private ROI, nurture cost (with its 3 × CAC ceiling) and public CAC per calendar month. */
export function economics(db: Db, ws: Workspace, months: Periods) {
  return collect(
    months,
    'month',
    [
      { key: 'private_roi', metric: 'private_roi', segment: 'private' },
      { key: 'nurture_cost', metric: 'nurture_cost', segment: 'private' },
      { key: 'public_cac', metric: 'public_cac', segment: 'public' },
    ],
    async (w) => {
      const r = await cachedRoi(db, ws, w);
      return {
        private_roi: plain(r.privateRoi),
        nurture_cost: { ...plain(r.nurtureCost.cost), ceiling: r.nurtureCost.ceiling },
        public_cac: plain(r.publicCac),
      };
    },
  );
}

/**
 * 48 h response rate and live-room guide rate, as the team-KPI endpoint computes them: the
 * sessions of the span fetched once, each period's conversations counted by the database
 * (conversationCounts, equal to responseRate48h: team-kpis.queries.test.ts). Fetching the
 * ~78k conversations of the 13 weeks at 3M customers and judging them in JS took 1.7–2.3 s.
 */
export async function team(db: Db, ws: Workspace, weeks: Periods, now: Date) {
  const tz = ws.time_zone;
  const instant = (d: string) => startOfLocalDate(d, tz);
  const spans = [{ from: weeks.series[0]!.from, to: weeks.series.at(-1)!.to }, weeks.yearAgo];
  const loaded = await Promise.all(
    spans.map((s) => liveSessions(db, ws.id, instant(s.from), instant(s.to))),
  );
  const sessions = loaded.flat();
  return collect(
    weeks,
    'week',
    [
      { key: 'response_rate_48h', metric: 'response_rate_48h', segment: 'private' },
      { key: 'guide_rate', metric: 'guide_rate', segment: 'public' },
    ],
    async (w) => {
      const end = instant(w.to);
      const asOf = now < end ? now : end;
      const talks = await conversationCounts(db, ws.id, { ...w, timeZone: tz, asOf });
      return {
        response_rate_48h: plain(responseRateOf(talks)),
        guide_rate: plain(guideRate(sessions, w, { timeZone: tz })),
      };
    },
  );
}

/** Groups flagged for hollow growth at each week's end, and red-line alerts in each week. */
export function alerts(db: Db, ws: Workspace, weeks: Periods) {
  return collect(
    weeks,
    'week',
    [
      { key: 'hollow_growth', metric: 'hollow_growth', segment: 'private' },
      { key: 'risk_alerts', metric: 'risk_alerts', segment: 'private' },
    ],
    async (w) => {
      const [c, r] = await Promise.all([community(db, ws, w.to), risk(db, ws, w)]);
      const redLines = r.alerts.filter((a) => a.level === 'alert').length;
      return {
        hollow_growth: {
          value: c.hollowGrowth.length,
          numerator: c.hollowGrowth.length,
          denominator: c.groups.length,
        },
        risk_alerts: { value: redLines, numerator: redLines, denominator: r.accounts },
      };
    },
  );
}

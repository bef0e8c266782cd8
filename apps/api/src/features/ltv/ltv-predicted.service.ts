import {
  MONTH_IN_DAYS,
  daysBetween,
  fenToYuan,
  fitBgNbd,
  fitGammaGamma,
  predictedClv,
  type BgNbdFit,
  type BgNbdRow,
  type GammaGammaFit,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { workspaceSettingsOf } from '../settings/settings.service.js';
import {
  customerHistories,
  externalIds,
  readModelVersion,
  type CustomerHistoryRow,
} from './ltv-predicted.queries.js';

type Db = Kysely<Database>;

export const DISCOUNT_RATE = 0.01;
export const TOP_CUSTOMERS = 20;
/** Lower edges of the CLV histogram buckets, yuan; the last bucket is open. */
export const CLV_BUCKET_EDGES = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export interface CustomerModelRow extends BgNbdRow {
  customerId: string;
  /** Average order value over the counted orders before asOf, yuan. */
  monetaryValue: number;
  isPrivate: boolean;
}

export interface CustomerClv {
  customerId: string;
  clv: number;
  pAlive: number;
  expectedPurchases: number;
  isPrivate: boolean;
}

export interface PredictedLtvResult {
  asOf: string;
  horizonMonths: number;
  discountRate: number;
  timeUnit: 'day';
  margin: { value: number; source: 'default_margin' | 'gross_profit_over_gmv' };
  customers: number;
  repeatBuyers: number;
  model: {
    bgNbd: Pick<
      BgNbdFit,
      'r' | 'alpha' | 'a' | 'b' | 'logLikelihood' | 'customers' | 'groups' | 'converged'
    >;
    gammaGamma: Pick<
      GammaGammaFit,
      'p' | 'q' | 'v' | 'logLikelihood' | 'customers' | 'frequencySpendCorrelation' | 'converged'
    >;
  } | null;
  reason: string | null;
  totals: {
    clv: number;
    meanClv: number;
    expectedPurchases: number;
    customers: number;
  } | null;
  distribution: { from: number; to: number | null; customers: number; clv: number }[];
  pAliveByGroup: Record<
    'public' | 'private' | 'all',
    { customers: number; meanPAlive: number | null }
  >;
  top: { externalId: string; clv: number; pAlive: number; expectedPurchases: number }[];
  notes: string[];
}

/** (frequency, recency, T) in days and the average order value in yuan, per customer. */
export function modelRows(
  histories: readonly CustomerHistoryRow[],
  asOf: string,
): CustomerModelRow[] {
  return histories.map((h) => ({
    customerId: h.customerId,
    frequency: h.orderDays - 1,
    recency: daysBetween(h.firstDay, h.lastDay),
    T: daysBetween(h.firstDay, asOf),
    monetaryValue: h.orders > 0 ? fenToYuan(h.gmvFen) / h.orders : 0,
    isPrivate: h.isPrivate,
  }));
}

function marginOf(
  defaultMargin: number,
  histories: readonly CustomerHistoryRow[],
): PredictedLtvResult['margin'] {
  if (defaultMargin > 0) return { value: defaultMargin, source: 'default_margin' };
  let gmv = 0;
  let profit = 0;
  for (const h of histories) {
    gmv += h.gmvFen;
    profit += h.grossProfitFen;
  }
  const value = gmv > 0 ? Math.min(1, Math.max(0, profit / gmv)) : 0;
  return { value, source: 'gross_profit_over_gmv' };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function emptyResult(
  base: Omit<
    PredictedLtvResult,
    'model' | 'reason' | 'totals' | 'distribution' | 'pAliveByGroup' | 'top'
  >,
  reason: string,
): PredictedLtvResult {
  const none = { customers: 0, meanPAlive: null };
  return {
    ...base,
    model: null,
    reason,
    totals: null,
    distribution: [],
    pAliveByGroup: { public: none, private: none, all: none },
    top: [],
  };
}

/** Fits both models and scores each customer; no database access (the caller loads the rows). */
export function scoreCustomers(
  rows: readonly CustomerModelRow[],
  options: { horizonMonths: number; margin: number },
):
  | { ok: true; bgNbd: BgNbdFit; gammaGamma: GammaGammaFit; scores: CustomerClv[]; skipped: number }
  | { ok: false; reason: string } {
  if (rows.length === 0) return { ok: false, reason: 'no customer has an order before asOf' };
  if (!rows.some((r) => r.frequency > 0)) {
    return { ok: false, reason: 'no repeat buyers before asOf: the models cannot be fitted' };
  }
  let bgNbd: BgNbdFit;
  try {
    bgNbd = fitBgNbd(rows);
  } catch (e) {
    return { ok: false, reason: `BG/NBD fit failed: ${message(e)}` };
  }
  // Repeat buyers whose orders were all free cannot enter Gamma-Gamma (spend must be > 0).
  const usable = rows.filter((r) => r.frequency === 0 || r.monetaryValue > 0);
  const spendRows = usable
    .filter((r) => r.frequency > 0)
    .map((r) => ({ frequency: r.frequency, monetaryValue: r.monetaryValue }));
  if (spendRows.length === 0) {
    return {
      ok: false,
      reason: 'no repeat buyer with a positive order value: Gamma-Gamma cannot be fitted',
    };
  }
  let gammaGamma: GammaGammaFit;
  try {
    gammaGamma = fitGammaGamma(spendRows);
  } catch (e) {
    return { ok: false, reason: `Gamma-Gamma fit failed: ${message(e)}` };
  }
  const scores: CustomerClv[] = [];
  try {
    for (const r of usable) {
      const clv = predictedClv({
        bgNbd,
        gammaGamma,
        row: { frequency: r.frequency, recency: r.recency, T: r.T, monetaryValue: r.monetaryValue },
        horizon: options.horizonMonths,
        discountRate: DISCOUNT_RATE,
        periodLength: MONTH_IN_DAYS,
        margin: options.margin,
      });
      scores.push({
        customerId: r.customerId,
        clv: clv.value,
        pAlive: clv.pAlive,
        expectedPurchases: clv.expectedPurchases,
        isPrivate: r.isPrivate,
      });
    }
  } catch (e) {
    return { ok: false, reason: `prediction failed: ${message(e)}` };
  }
  if (scores.some((s) => !Number.isFinite(s.clv) || !Number.isFinite(s.pAlive))) {
    return { ok: false, reason: 'the fitted models gave non-finite predictions' };
  }
  return { ok: true, bgNbd, gammaGamma, scores, skipped: rows.length - usable.length };
}

function distributionOf(scores: readonly CustomerClv[]): PredictedLtvResult['distribution'] {
  const buckets = CLV_BUCKET_EDGES.map((from, i) => ({
    from,
    to: CLV_BUCKET_EDGES[i + 1] ?? null,
    customers: 0,
    clv: 0,
  }));
  for (const s of scores) {
    let i = buckets.length - 1;
    while (i > 0 && s.clv < buckets[i]!.from) i -= 1;
    buckets[i]!.customers += 1;
    buckets[i]!.clv += s.clv;
  }
  return buckets;
}

function meanPAlive(scores: readonly CustomerClv[]): {
  customers: number;
  meanPAlive: number | null;
} {
  let sum = 0;
  for (const s of scores) sum += s.pAlive;
  return { customers: scores.length, meanPAlive: scores.length === 0 ? null : sum / scores.length };
}

export async function predictedLtvFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
): Promise<PredictedLtvResult> {
  const { asOf, horizonMonths } = options;
  const histories = await customerHistories(db, workspace.id, asOf);
  const margin = marginOf(workspaceSettingsOf(workspace).defaultMargin, histories);
  const rows = modelRows(histories, asOf);
  const base = {
    asOf,
    horizonMonths,
    discountRate: DISCOUNT_RATE,
    timeUnit: 'day' as const,
    margin,
    customers: rows.length,
    repeatBuyers: rows.filter((r) => r.frequency > 0).length,
    notes: [
      'Counted orders before asOf only. frequency = order days − 1, recency and T in days; spend = average order value in yuan; CLV = discounted gross profit over the horizon, yuan.',
    ],
  };
  const scored = scoreCustomers(rows, { horizonMonths, margin: margin.value });
  if (!scored.ok) return emptyResult(base, scored.reason);
  const { bgNbd, gammaGamma, scores, skipped } = scored;
  if (skipped > 0) {
    base.notes.push(
      `${skipped} repeat buyer(s) with only zero-value orders are left out (Gamma-Gamma needs spend > 0).`,
    );
  }
  let clvSum = 0;
  let purchases = 0;
  for (const s of scores) {
    clvSum += s.clv;
    purchases += s.expectedPurchases;
  }
  const ranked = [...scores].sort(
    (x, y) => y.clv - x.clv || (x.customerId < y.customerId ? -1 : 1),
  );
  const top = ranked.slice(0, TOP_CUSTOMERS);
  const ids = await externalIds(
    db,
    workspace.id,
    top.map((s) => s.customerId),
  );
  return {
    ...base,
    model: {
      bgNbd: {
        r: bgNbd.r,
        alpha: bgNbd.alpha,
        a: bgNbd.a,
        b: bgNbd.b,
        logLikelihood: bgNbd.logLikelihood,
        customers: bgNbd.customers,
        groups: bgNbd.groups,
        converged: bgNbd.converged,
      },
      gammaGamma: {
        p: gammaGamma.p,
        q: gammaGamma.q,
        v: gammaGamma.v,
        logLikelihood: gammaGamma.logLikelihood,
        customers: gammaGamma.customers,
        frequencySpendCorrelation: gammaGamma.frequencySpendCorrelation,
        converged: gammaGamma.converged,
      },
    },
    reason: null,
    totals: {
      clv: clvSum,
      meanClv: clvSum / scores.length,
      expectedPurchases: purchases,
      customers: scores.length,
    },
    distribution: distributionOf(scores),
    pAliveByGroup: {
      public: meanPAlive(scores.filter((s) => !s.isPrivate)),
      private: meanPAlive(scores.filter((s) => s.isPrivate)),
      all: meanPAlive(scores),
    },
    top: top.map((s) => ({
      externalId: ids.get(s.customerId) ?? s.customerId,
      clv: s.clv,
      pAlive: s.pAlive,
      expectedPurchases: s.expectedPurchases,
    })),
  };
}

const CACHE_LIMIT = 64;
const cache = new Map<string, Promise<PredictedLtvResult>>();

/**
 * predictedLtvFromReadModel, cached in memory per (workspace, asOf, horizon, margin setting,
 * read-model version): a refresh of the read model or a settings change makes a new key.
 */
export async function cachedPredictedLtv(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
): Promise<{ result: PredictedLtvResult; cached: boolean }> {
  const version = await readModelVersion(db, workspace.id);
  const key = [
    workspace.id,
    options.asOf,
    options.horizonMonths,
    workspaceSettingsOf(workspace).defaultMargin,
    version,
  ].join('\u0000');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { result: await hit, cached: true };
  }
  const pending = predictedLtvFromReadModel(db, workspace, options);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return { result: await pending, cached: false };
}

export function clearPredictedLtvCache(): void {
  cache.clear();
}

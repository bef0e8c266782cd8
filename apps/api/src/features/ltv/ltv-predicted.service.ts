import {
  PREDICTED_LTV_DISCOUNT_RATE,
  noCustomerScores,
  scoreCustomersSteps,
  type BgNbdFit,
  type CustomerScores,
  type GammaGammaFit,
  type ScoredCustomers,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { workspaceSettingsOf } from '../../lib/workspace-settings.js';
import {
  customerHistories,
  customerHistoriesAtTwoDates,
  externalIds,
  type CustomerHistories,
} from './ltv-predicted.queries.js';

type Db = Kysely<Database>;

export const DISCOUNT_RATE = PREDICTED_LTV_DISCOUNT_RATE;
export const TOP_CUSTOMERS = 20;
/** Lower edges of the CLV histogram buckets, yuan; the last bucket is open. */
export const CLV_BUCKET_EDGES = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export type { CustomerScores };

/** Both fitted models and every scored customer, or the reason there is no fit. */
export interface PredictedLtvModel {
  asOf: string;
  horizonMonths: number;
  margin: PredictedLtvResult['margin'];
  /** Customers with a counted order before asOf. */
  customers: number;
  repeatBuyers: number;
  /** Repeat buyers left out because all their orders were free (Gamma-Gamma needs spend > 0). */
  skipped: number;
  fit: { bgNbd: BgNbdFit; gammaGamma: GammaGammaFit } | null;
  reason: string | null;
  /** Empty when there is no fit. */
  scores: CustomerScores;
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

function marginOf(
  defaultMargin: number,
  histories: CustomerHistories,
): PredictedLtvResult['margin'] {
  if (defaultMargin > 0) return { value: defaultMargin, source: 'default_margin' };
  let gmv = 0;
  let profit = 0;
  const { rows, columns: h } = histories;
  for (let i = 0; i < rows; i++) {
    gmv += h.gmv_fen[i]!;
    profit += h.gross_profit_fen[i]!;
  }
  const value = gmv > 0 ? Math.min(1, Math.max(0, profit / gmv)) : 0;
  return { value, source: 'gross_profit_over_gmv' };
}

/**
 * Lets the event loop take a full turn, timers and pending I/O (the poll phase) included, before
 * going on. Two setImmediate: one set from an I/O callback (as where the histories have just been
 * parsed) runs in the same turn's check phase, right after the poll phase, with no I/O in between.
 */
const yieldToEventLoop = () =>
  new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * @yugang/metrics scoreCustomers, yielding to the event loop between its steps so other requests
 * are served meanwhile (the fits themselves run in one piece each).
 */
async function scoreCustomers(
  histories: CustomerHistories,
  options: { horizonMonths: number; margin: number },
): Promise<ScoredCustomers> {
  const steps = scoreCustomersSteps(histories, options);
  let step = steps.next();
  while (!step.done) {
    await yieldToEventLoop();
    step = steps.next();
  }
  return step.value;
}

/** Fits the models on loaded histories: the model, or no fit with its reason. */
export async function predictedLtvModelOf(
  histories: CustomerHistories,
  options: { asOf: string; horizonMonths: number; defaultMargin: number },
): Promise<PredictedLtvModel> {
  const margin = marginOf(options.defaultMargin, histories);
  let repeatBuyers = 0;
  for (let i = 0; i < histories.rows; i++)
    if (histories.columns.order_days[i]! > 1) repeatBuyers += 1;
  const base = {
    asOf: options.asOf,
    horizonMonths: options.horizonMonths,
    margin,
    customers: histories.rows,
    repeatBuyers,
  };
  const scored = await scoreCustomers(histories, {
    horizonMonths: options.horizonMonths,
    margin: margin.value,
  });
  if (!scored.ok) {
    return { ...base, skipped: 0, fit: null, reason: scored.reason, scores: noCustomerScores() };
  }
  return {
    ...base,
    skipped: scored.skipped,
    fit: { bgNbd: scored.bgNbd, gammaGamma: scored.gammaGamma },
    reason: null,
    scores: scored.scores,
  };
}

/**
 * Fits the models on the histories before asOf (no cache): loaded from the read model, or given
 * by `histories` (e.g. both tier dates from one scan).
 */
export async function predictedLtvModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
  histories?: () => Promise<CustomerHistories>,
): Promise<PredictedLtvModel> {
  const loaded = await (histories?.() ?? customerHistories(db, workspace.id, options.asOf));
  return predictedLtvModelOf(loaded, {
    ...options,
    defaultMargin: workspaceSettingsOf(workspace).defaultMargin,
  });
}

/** Bytes the model's per-customer arrays hold (for the cache's bound). */
function modelWeight(model: PredictedLtvModel): number {
  return 4096 + model.scores.size * (4 * 8 + 1);
}

/**
 * predictedLtvModel from the shared per-read-model-version cache, keyed on (asOf, horizon,
 * default margin): the predicted-LTV endpoint and the tiers read the same fit. `histories`, when
 * given, loads the histories if the model has to be computed.
 */
export async function cachedPredictedLtvModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
  histories?: () => Promise<CustomerHistories>,
): Promise<{ model: PredictedLtvModel; cached: boolean }> {
  const { value, cached } = await readModelCache.get(
    db,
    workspace.id,
    'ltv-predicted-model',
    [options.asOf, options.horizonMonths, workspaceSettingsOf(workspace).defaultMargin],
    () => predictedLtvModel(db, workspace, options, histories),
    modelWeight,
  );
  return { model: value, cached };
}

/**
 * The cached models at asOf and at an earlier previousAsOf (the tiers' two dates). When the
 * first has to be computed, the histories of both dates come from one scan of the read model
 * (customerHistoriesAtTwoDates); the models are fitted one after the other (each is CPU-bound).
 */
export async function cachedPredictedLtvModels(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; previousAsOf: string; horizonMonths: number },
): Promise<{ current: PredictedLtvModel; previous: PredictedLtvModel }> {
  const { asOf, previousAsOf, horizonMonths } = options;
  // Handed over (and let go) by the first model's loader, so the first date's histories can be
  // collected while the second model is fitted.
  let kept: CustomerHistories | undefined;
  const current = await cachedPredictedLtvModel(
    db,
    workspace,
    { asOf, horizonMonths },
    async () => {
      const both = await customerHistoriesAtTwoDates(db, workspace.id, asOf, previousAsOf);
      kept = both.previous;
      return both.current;
    },
  );
  const previous = await cachedPredictedLtvModel(
    db,
    workspace,
    { asOf: previousAsOf, horizonMonths },
    kept === undefined
      ? undefined
      : async () => {
          const histories = kept!;
          kept = undefined;
          return histories;
        },
  );
  return { current: current.model, previous: previous.model };
}

function distributionOf(scores: CustomerScores): PredictedLtvResult['distribution'] {
  const buckets = CLV_BUCKET_EDGES.map((from, i) => ({
    from,
    to: CLV_BUCKET_EDGES[i + 1] ?? null,
    customers: 0,
    clv: 0,
  }));
  for (let k = 0; k < scores.size; k++) {
    const clv = scores.clv[k]!;
    let i = buckets.length - 1;
    while (i > 0 && clv < buckets[i]!.from) i -= 1;
    buckets[i]!.customers += 1;
    buckets[i]!.clv += clv;
  }
  return buckets;
}

function meanPAlive(
  scores: CustomerScores,
  include: (i: number) => boolean,
): { customers: number; meanPAlive: number | null } {
  let sum = 0;
  let customers = 0;
  for (let i = 0; i < scores.size; i++) {
    if (!include(i)) continue;
    sum += scores.pAlive[i]!;
    customers += 1;
  }
  return { customers, meanPAlive: customers === 0 ? null : sum / customers };
}

/** The `limit` best-scored customers: CLV descending, then customer id as text ascending. */
function topIndices(scores: CustomerScores, limit: number): number[] {
  const before = (i: number, j: number) => {
    const a = scores.clv[i]!;
    const b = scores.clv[j]!;
    if (a !== b) return a > b;
    return String(scores.customerId[i]) < String(scores.customerId[j]);
  };
  const top: number[] = [];
  for (let i = 0; i < scores.size; i++) {
    if (top.length === limit && !before(i, top[limit - 1]!)) continue;
    let k = Math.min(top.length, limit - 1);
    top[k] = i;
    while (k > 0 && before(i, top[k - 1]!)) {
      top[k] = top[k - 1]!;
      top[k - 1] = i;
      k -= 1;
    }
  }
  return top;
}

const MODEL_NOTE =
  'Counted orders before asOf only. frequency = order days − 1, recency and T in days; spend = average order value in yuan; CLV = discounted gross profit over the horizon, yuan.';

/** The endpoint's answer from a fitted (or not) model; looks up the top customers' ids. */
export async function predictedLtvFromModel(
  db: Db,
  workspaceId: number,
  model: PredictedLtvModel,
): Promise<PredictedLtvResult> {
  const base = {
    asOf: model.asOf,
    horizonMonths: model.horizonMonths,
    discountRate: DISCOUNT_RATE,
    timeUnit: 'day' as const,
    margin: model.margin,
    customers: model.customers,
    repeatBuyers: model.repeatBuyers,
    notes: [MODEL_NOTE],
  };
  if (model.fit === null) {
    const none = { customers: 0, meanPAlive: null };
    return {
      ...base,
      model: null,
      reason: model.reason,
      totals: null,
      distribution: [],
      pAliveByGroup: { public: none, private: none, all: none },
      top: [],
    };
  }
  const { bgNbd, gammaGamma } = model.fit;
  const scores = model.scores;
  if (model.skipped > 0) {
    base.notes.push(
      `${model.skipped} repeat buyer(s) with only zero-value orders are left out (Gamma-Gamma needs spend > 0).`,
    );
  }
  let clvSum = 0;
  let purchases = 0;
  for (let i = 0; i < scores.size; i++) {
    clvSum += scores.clv[i]!;
    purchases += scores.expectedPurchases[i]!;
  }
  const top = topIndices(scores, TOP_CUSTOMERS);
  const ids = await externalIds(
    db,
    workspaceId,
    top.map((i) => scores.customerId[i]!),
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
      meanClv: clvSum / scores.size,
      expectedPurchases: purchases,
      customers: scores.size,
    },
    distribution: distributionOf(scores),
    pAliveByGroup: {
      public: meanPAlive(scores, (i) => scores.isPrivate[i] === 0),
      private: meanPAlive(scores, (i) => scores.isPrivate[i] === 1),
      all: meanPAlive(scores, () => true),
    },
    top: top.map((i) => {
      const id = scores.customerId[i]!;
      return {
        externalId: ids.get(id) ?? String(id),
        clv: scores.clv[i]!,
        pAlive: scores.pAlive[i]!,
        expectedPurchases: scores.expectedPurchases[i]!,
      };
    }),
  };
}

/** The endpoint's answer, computed now (no cache). */
export async function predictedLtvFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
): Promise<PredictedLtvResult> {
  return predictedLtvFromModel(db, workspace.id, await predictedLtvModel(db, workspace, options));
}

/**
 * The endpoint's answer from the shared per-read-model-version cache (key: workspace, asOf,
 * horizon, default margin, read-model version): a refresh or a settings change makes a new key.
 * The fitted model underneath is cached on its own and shared with the tiers.
 */
export async function cachedPredictedLtv(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
): Promise<{ result: PredictedLtvResult; cached: boolean }> {
  const { value, cached } = await readModelCache.get(
    db,
    workspace.id,
    'ltv-predicted',
    [options.asOf, options.horizonMonths, workspaceSettingsOf(workspace).defaultMargin],
    async () => {
      const { model } = await cachedPredictedLtvModel(db, workspace, options);
      return predictedLtvFromModel(db, workspace.id, model);
    },
  );
  return { result: value, cached };
}

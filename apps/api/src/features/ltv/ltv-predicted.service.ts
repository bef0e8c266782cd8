import {
  PREDICTED_LTV_DISCOUNT_RATE,
  type BgNbdFit,
  type CustomerScores,
  type GammaGammaFit,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { workspaceSettingsOf } from '../../lib/workspace-settings.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import {
  historiesVersion,
  loadModelAnswer,
  storeModelAnswer,
} from '../../read-model/read-model.fits.js';
import { externalIds } from '../../read-model/read-model.histories.js';
import {
  cachedPredictedLtvModel,
  predictedLtvModel,
  type PredictedLtvMargin,
  type PredictedLtvModel,
} from '../../read-model/read-model.predicted-ltv.js';

type Db = Kysely<Database>;

export const DISCOUNT_RATE = PREDICTED_LTV_DISCOUNT_RATE;
export const TOP_CUSTOMERS = 20;
/** Lower edges of the CLV histogram buckets, yuan; the last bucket is open. */
export const CLV_BUCKET_EDGES = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export interface PredictedLtvResult {
  asOf: string;
  horizonMonths: number;
  discountRate: number;
  timeUnit: 'day';
  margin: PredictedLtvMargin;
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
 * The endpoint's answer stored beside its model (rm_predicted_ltv_scores) for this read-model
 * version, or computed from the model (itself stored or cached, shared with the tiers) and stored.
 */
async function storedPredictedLtv(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
): Promise<PredictedLtvResult> {
  const key = { ...options, defaultMargin: workspaceSettingsOf(workspace).defaultMargin };
  const version = await historiesVersion(db, workspace.id);
  if (version !== null) {
    const stored = await loadModelAnswer<PredictedLtvResult>(db, workspace.id, version, key);
    if (stored !== null) return stored;
  }
  const { model } = await cachedPredictedLtvModel(db, workspace, options);
  const answer = await predictedLtvFromModel(db, workspace.id, model);
  if (version !== null) await storeModelAnswer(db, workspace.id, version, key, answer);
  return answer;
}

/**
 * The endpoint's answer from the shared per-read-model-version cache (key: workspace, asOf,
 * horizon, default margin, read-model version), else from the read model's stored answers: a
 * refresh or a settings change makes a new key.
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
    () => storedPredictedLtv(db, workspace, options),
  );
  return { result: value, cached };
}

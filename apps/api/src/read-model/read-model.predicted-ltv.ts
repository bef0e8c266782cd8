/**
 * The predicted-LTV model of a workspace at a date: BG/NBD and Gamma-Gamma fitted on the read
 * model's customer histories (@yugang/metrics scoreCustomers), stored and cached per read-model
 * version.
 * Shared by the predicted-LTV answer (features/ltv) and the potential tier (features/tiers).
 */
import {
  noCustomerScores,
  scoreCustomersSteps,
  type BgNbdFit,
  type CustomerScores,
  type GammaGammaFit,
  type ScoredCustomers,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../db/schema.js';
import { workspaceSettingsOf } from '../lib/workspace-settings.js';
import { readModelCache } from './read-model-cache.js';
import {
  historiesVersion,
  loadFit,
  loadModel,
  storeFit,
  storeModel,
  type StoredFit,
} from './read-model.fits.js';
import {
  customerHistories,
  customerHistoriesAtTwoDates,
  type CustomerHistories,
} from './read-model.histories.js';

type Db = Kysely<Database>;

export type { CustomerScores };

export interface PredictedLtvMargin {
  value: number;
  source: 'default_margin' | 'gross_profit_over_gmv';
}

/** Both fitted models and every scored customer, or the reason there is no fit. */
export interface PredictedLtvModel {
  asOf: string;
  horizonMonths: number;
  margin: PredictedLtvMargin;
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

function marginOf(defaultMargin: number, histories: CustomerHistories): PredictedLtvMargin {
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
  options: { horizonMonths: number; margin: number; fitted?: StoredFit },
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
  options: { asOf: string; horizonMonths: number; defaultMargin: number; fitted?: StoredFit },
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
    fitted: options.fitted,
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
 * The model on the histories before asOf (no in-memory cache): the one stored for this read-model
 * version, asOf, horizon and default margin (no histories loaded, nobody scored), else computed
 * from the histories loaded from the read model or given by `histories` (e.g. both tier dates
 * from one scan) and stored. A computation reuses the fits stored for this version and asOf.
 */
export async function predictedLtvModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  options: { asOf: string; horizonMonths: number },
  histories?: () => Promise<CustomerHistories>,
): Promise<PredictedLtvModel> {
  const defaultMargin = workspaceSettingsOf(workspace).defaultMargin;
  const key = { ...options, defaultMargin };
  const version = await historiesVersion(db, workspace.id);
  if (version !== null) {
    const stored = await loadModel<Omit<PredictedLtvModel, 'scores'>>(
      db,
      workspace.id,
      version,
      key,
    );
    if (stored !== null) return { ...stored.header, scores: stored.scores };
  }
  const fitted = version === null ? null : await loadFit(db, workspace.id, version, options.asOf);
  const loaded = await (histories?.() ?? customerHistories(db, workspace.id, options.asOf));
  const model = await predictedLtvModelOf(loaded, {
    ...options,
    defaultMargin,
    fitted: fitted ?? undefined,
  });
  if (version !== null) {
    if (fitted === null && model.fit !== null) {
      await storeFit(db, workspace.id, version, options.asOf, model.fit);
    }
    const { scores, ...header } = model;
    await storeModel(db, workspace.id, version, key, { header, scores });
  }
  return model;
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

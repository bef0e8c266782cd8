import {
  addDays,
  TIERS,
  tierCodes,
  tierMovementOfCodes,
  tierSummaryFromTotals,
  type TierMovement,
  type TierSettings,
  type TierSummaryRow,
  type TierTotals,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import {
  cachedPredictedLtvModels,
  type CustomerScores,
  type PredictedLtvModel,
} from '../../read-model/read-model.predicted-ltv.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { historiesVersion } from '../../read-model/read-model.fits.js';
import { workspaceSettingsOf } from '../../lib/workspace-settings.js';
import { customerCount, tierFacts, type TierFacts } from './tiers.queries.js';
import { loadTierCodes, loadTiersAnswer, storeTiers, type StoredTierCodes } from './tiers.store.js';

type Db = Kysely<Database>;

/** The predicted LTV the potential tier ranks: the CLV over this horizon (ltv/predicted's default). */
export const PREDICTION_HORIZON_MONTHS = 12;

export const RECENCY_ONLY_NOTE =
  'No predicted LTV input: the potential tier uses recency only (a counted order in the recent window).';

/** The predicted-LTV input at one date: customers with a prediction, or why there is none. */
export interface PredictionInput {
  customers: number;
  reason: string | null;
}

export interface TiersResult {
  asOf: string;
  previousAsOf: string;
  settings: TierSettings;
  window: { from: string; to: string };
  summary: TierSummaryRow[];
  movement: TierMovement;
  predictedLtv: {
    horizonMonths: number;
    current: PredictionInput;
    previous: PredictionInput;
  };
  notes: string[];
}

/** Per-customer predicted LTV at asOf and at previousAsOf; null: no model (recency only). */
export interface TierPredictions {
  current: Pick<CustomerScores, 'size' | 'customerId' | 'clv'> | null;
  previous: Pick<CustomerScores, 'size' | 'customerId' | 'clv'> | null;
}

/** The sorted union of two ascending id arrays. */
function union(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    out[n++] = x <= y ? x : y;
  }
  return out.subarray(0, n);
}

/** Copies values[k] to out[position of ids[k] in all]; ids ⊂ all, both ascending. */
function scatter(
  all: Float64Array,
  ids: Float64Array,
  pairs: readonly (readonly [ArrayLike<number>, Float64Array])[],
): void {
  let p = 0;
  for (let k = 0; k < ids.length; k++) {
    while (p < all.length && all[p] !== ids[k]) p += 1;
    if (p === all.length) throw new Error('tiers: ids must be ascending and within the union');
    for (const [values, out] of pairs) out[p] = values[k]!;
  }
}

/** Tier codes (TIER_CODES) per customer id at both dates, and each customer's window GMV. */
export interface TierCodesOfFacts {
  /** Customer ids, ascending: active customers and every customer with a prediction. */
  ids: Float64Array;
  current: Uint8Array;
  previous: Uint8Array;
  monetary: Float64Array;
}

/**
 * METRICS §7 tier codes at both dates over one fact row per active customer plus every customer
 * with a prediction (typed arrays, merged by id); customers not in `ids` are ordinary at both.
 */
export function tierCodesOfFacts(input: {
  facts: TierFacts;
  predictions: TierPredictions;
  settings: TierSettings;
}): TierCodesOfFacts {
  const { facts, predictions, settings } = input;
  const f = facts.columns;
  const none = new Float64Array(0);
  const ids = union(
    union(f.customer_id, predictions.current?.customerId ?? none),
    predictions.previous?.customerId ?? none,
  );
  const n = ids.length;
  const column = () => new Float64Array(n);
  const now = { monetary: column(), frequency: column(), recent: column() };
  const before = { monetary: column(), frequency: column(), recent: column() };
  scatter(ids, f.customer_id, [
    [f.monetary, now.monetary],
    [f.frequency, now.frequency],
    [f.recent, now.recent],
    [f.previous_monetary, before.monetary],
    [f.previous_frequency, before.frequency],
    [f.previous_recent, before.recent],
  ]);
  const predicted = (scores: TierPredictions['current']) => {
    if (scores === null) return undefined;
    const out = new Float64Array(n).fill(Number.NaN);
    scatter(ids, scores.customerId, [[scores.clv, out]]);
    return out;
  };
  const current = tierCodes({ ...now, predicted: predicted(predictions.current) }, settings);
  const previous = tierCodes({ ...before, predicted: predicted(predictions.previous) }, settings);
  return { ids, current, previous, monetary: now.monetary };
}

/** METRICS §7 tiers at both dates (tierCodesOfFacts); the `idle` rest are ordinary at both dates. */
export function tiersOfFacts(input: {
  facts: TierFacts;
  customers: number;
  predictions: TierPredictions;
  settings: TierSettings;
}): { summary: TierSummaryRow[]; movement: TierMovement; codes: TierCodesOfFacts } {
  const codes = tierCodesOfFacts(input);
  const { ids, current, previous, monetary } = codes;
  const n = ids.length;
  const idle = input.customers - n;
  if (idle < 0) throw new Error('tiers: more customers with facts than customers');
  const totals: TierTotals = {
    customers: { high_value: 0, potential: 0, ordinary: idle },
    gmvFen: { high_value: 0, potential: 0, ordinary: 0 },
  };
  for (let i = 0; i < n; i++) {
    const tier = TIERS[current[i]!]!;
    totals.customers[tier] += 1;
    totals.gmvFen[tier] += monetary[i]!;
  }
  return {
    summary: tierSummaryFromTotals(totals),
    movement: tierMovementOfCodes(previous, current, idle),
    codes,
  };
}

function inputOf(model: PredictedLtvModel): PredictionInput {
  return { customers: model.scores.size, reason: model.reason };
}

function predictionNotes(
  settings: TierSettings,
  at: { asOf: string; previousAsOf: string },
  current: PredictedLtvModel,
  previous: PredictedLtvModel,
): string[] {
  if (current.fit === null) {
    return [RECENCY_ONLY_NOTE, `Predicted LTV as of ${at.asOf}: ${current.reason}.`];
  }
  const notes = [
    `Potential: a counted order in the last ${settings.recentDays} days, or a predicted LTV (BG/NBD × Gamma-Gamma, ${PREDICTION_HORIZON_MONTHS}-month CLV as of each date, as GET ltv/predicted) in the top ${settings.topPredictedShare * 100}% of the ${current.scores.size} customers with a prediction.`,
  ];
  if (previous.fit === null) {
    notes.push(
      `No predicted LTV as of ${at.previousAsOf} (${previous.reason}): the tiers the movement starts from use recency only.`,
    );
  }
  if (!current.scores.clv.some((v) => v > 0)) {
    notes.push(
      `Every predicted LTV is 0 (margin ${current.margin.value}): in effect the potential tier uses recency only.`,
    );
  }
  return notes;
}

/** The tiers as of asOf, and every tiered customer's codes at both dates (for the export). */
interface Tiering {
  result: TiersResult;
  codes: StoredTierCodes;
}

/**
 * METRICS §7 tiers as of asOf, their GMV share over the lookback, and the move since asOf − 7,
 * from one fact row per active customer (rm_customer_day) and the predicted-LTV models at both
 * dates (shared with GET ltv/predicted). Recency only at a date whose model cannot be fitted.
 */
async function tieringFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
): Promise<Tiering> {
  const { settings, previousAsOf, facts, customers, current, previous } = await tierInputs(
    db,
    workspace,
    asOf,
  );
  const { summary, movement, codes } = tiersOfFacts({
    facts,
    customers,
    predictions: tierPredictions(current, previous),
    settings,
  });
  const result: TiersResult = {
    asOf,
    previousAsOf,
    settings,
    window: { from: addDays(asOf, -settings.lookbackDays), to: asOf },
    summary,
    movement,
    predictedLtv: {
      horizonMonths: PREDICTION_HORIZON_MONTHS,
      current: inputOf(current),
      previous: inputOf(previous),
    },
    notes: predictionNotes(settings, { asOf, previousAsOf }, current, previous),
  };
  const { ids, current: now, previous: before } = codes;
  return { result, codes: { ids, current: now, previous: before, customers } };
}

/** The tiers computed now from the read model (nothing stored or cached is read). */
export async function tiersFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
): Promise<TiersResult> {
  return (await tieringFromReadModel(db, workspace, asOf)).result;
}

/** What stored tiers depend on besides the version and asOf: the tier rule and the margin. */
function settingsKeyOf(workspace: Pick<Workspace, 'settings'>): string {
  const all = workspaceSettingsOf(workspace);
  return JSON.stringify({ tiers: all.tiers, defaultMargin: all.defaultMargin });
}

/**
 * The tiers stored for the read model's version (rm_tiers), else computed and stored; `part`
 * picks what is read back (the answer, or the customers' codes for the export).
 */
async function storedTiering<T>(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
  load: (version: string, settingsKey: string) => Promise<T | null>,
  part: (tiering: Tiering) => T,
): Promise<T> {
  const settingsKey = settingsKeyOf(workspace);
  const version = await historiesVersion(db, workspace.id);
  if (version !== null) {
    const stored = await load(version, settingsKey);
    if (stored !== null) return stored;
  }
  const tiering = await tieringFromReadModel(db, workspace, asOf);
  if (version !== null) {
    await storeTiers(db, workspace.id, version, asOf, settingsKey, tiering.result, tiering.codes);
  }
  return part(tiering);
}

/** GET tiers' answer, stored per read-model version (computed and stored on first use). */
export function storedTiers(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
): Promise<TiersResult> {
  return storedTiering(
    db,
    workspace,
    asOf,
    (version, key) => loadTiersAnswer<TiersResult>(db, workspace.id, version, asOf, key),
    (tiering) => tiering.result,
  );
}

/** Every tiered customer's codes at asOf and asOf − 7, as GET tiers counts them. */
export function storedTierCodes(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
): Promise<StoredTierCodes> {
  return storedTiering(
    db,
    workspace,
    asOf,
    (version, key) => loadTierCodes(db, workspace.id, version, asOf, key),
    (tiering) => tiering.codes,
  );
}

/** The per-customer predictions of fitted models; null (recency only) where none was fitted. */
export function tierPredictions(
  current: PredictedLtvModel,
  previous: PredictedLtvModel,
): TierPredictions {
  const scoresOf = (model: PredictedLtvModel) => (model.fit === null ? null : model.scores);
  return { current: scoresOf(current), previous: scoresOf(previous) };
}

/** What the tier rule reads as of asOf and asOf − 7: the facts, the customer count and the models. */
export async function tierInputs(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
) {
  const settings = workspaceSettingsOf(workspace).tiers;
  const previousAsOf = addDays(asOf, -7);
  // The facts query runs in the database while this process fits the models.
  const factsAndCount = Promise.all([
    tierFacts(db, workspace.id, {
      asOf,
      previousAsOf,
      lookbackDays: settings.lookbackDays,
      recentDays: settings.recentDays,
    }),
    customerCount(db, workspace.id),
  ]);
  factsAndCount.catch(() => {}); // awaited below; not unhandled if the models throw first
  const { current, previous } = await cachedPredictedLtvModels(db, workspace, {
    asOf,
    previousAsOf,
    horizonMonths: PREDICTION_HORIZON_MONTHS,
  });
  const [facts, customers] = await factsAndCount;
  return { settings, previousAsOf, facts, customers, current, previous };
}

/** storedTiers from the shared per-read-model-version cache. */
export async function cachedTiers(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
): Promise<{ result: TiersResult; cached: boolean }> {
  const all = workspaceSettingsOf(workspace);
  const { value, cached } = await readModelCache.get(
    db,
    workspace.id,
    'tiers',
    [asOf, JSON.stringify(all.tiers), all.defaultMargin],
    () => storedTiers(db, workspace, asOf),
  );
  return { result: value, cached };
}

import type { segmentEvidenceSchema, summaryResponse } from '@yugang/contract';
import type { z } from 'zod';
import {
  addDays,
  addMonths,
  previousWindow,
  SECTION1_IDS,
  weekStartOf,
  type CustomerValueMetrics,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { readModelSettings } from '../../read-model/read-model.settings.js';
import {
  evidenceInYuan,
  section1FromTotals,
  type GroupTotals,
} from '../../read-model/read-model.totals.js';
import { windowTotals } from '../../read-model/read-model.windows.js';
import { periodTotals, type SummarySource } from './summary.queries.js';

type Db = Kysely<Database>;

const isMonthStart = (d: string) => d.endsWith('-01');

/** The cheapest read-model source that answers a window exactly. */
export function sourceFor(window: DateWindow): SummarySource {
  if (weekStartOf(window.from) === window.from && addDays(window.from, 7) === window.to) {
    return 'week';
  }
  if (isMonthStart(window.from) && `${addMonths(window.from.slice(0, 7), 1)}-01` === window.to) {
    return 'month';
  }
  return 'customer_day';
}

export async function groupTotals(
  db: Db,
  workspaceId: number,
  window: DateWindow,
): Promise<{ source: SummarySource; totals: GroupTotals }> {
  const source = sourceFor(window);
  if (source === 'week' || source === 'month') {
    return { source, totals: await periodTotals(db, workspaceId, source, window.from) };
  }
  // Two index probes per day of the window; still kept per read-model version, so the
  // dashboard's repeated default window costs one cache look-up.
  const { value } = await readModelCache.get(
    db,
    workspaceId,
    'summary-window',
    [window.from, window.to],
    () => windowTotals(db, workspaceId, window),
  );
  return { source, totals: value };
}

/** Section-1 metrics of a window in fen, exactly as customerValueMetrics would give them. */
export async function customerValueFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'time_zone' | 'settings'>,
  window: DateWindow,
): Promise<{ source: SummarySource; metrics: CustomerValueMetrics }> {
  const { commissionRate } = readModelSettings(workspace);
  const { source, totals } = await groupTotals(db, workspace.id, window);
  return { source, metrics: section1FromTotals(totals, commissionRate) };
}

export type SummaryResponse = z.output<typeof summaryResponse>;
export type SegmentEvidence = z.output<typeof segmentEvidenceSchema>;

export async function summary(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'time_zone' | 'settings'>,
  window: DateWindow,
): Promise<SummaryResponse> {
  const previous = previousWindow(window);
  const [now, before] = await Promise.all([
    customerValueFromReadModel(db, workspace, window),
    customerValueFromReadModel(db, workspace, previous),
  ]);
  const metrics = {} as SummaryResponse['metrics'];
  for (const id of SECTION1_IDS) {
    const inYuan = (m: CustomerValueMetrics): SegmentEvidence => ({
      public: evidenceInYuan(id, m[id].public),
      private: evidenceInYuan(id, m[id].private),
      all: evidenceInYuan(id, m[id].all),
    });
    metrics[id] = { ...inYuan(now.metrics), previous: inYuan(before.metrics) };
  }
  return {
    window,
    previousWindow: previous,
    source: { current: now.source, previous: before.source },
    metrics,
  };
}

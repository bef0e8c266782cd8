import {
  addDays,
  assignTiers,
  tierMovement,
  tierSummary,
  type CustomerRecord,
  type OrderRecord,
  type TierMovement,
  type TierSettings,
  type TierSummaryRow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { workspaceSettingsOf } from '../settings/settings.service.js';
import { customerDays, customerIds, type CustomerDayRow } from './tiers.queries.js';

type Db = Kysely<Database>;

export const RECENCY_ONLY_NOTE =
  'No predicted LTV input: the potential tier uses recency only (a counted order in the recent window).';

export interface TiersResult {
  asOf: string;
  previousAsOf: string;
  settings: TierSettings;
  window: { from: string; to: string };
  summary: TierSummaryRow[];
  movement: TierMovement;
  notes: string[];
}

/**
 * The day rollups as order records for the reference functions: per customer and day, one
 * record carrying the day's GMV and (orders − 1) records of 0 fen, so the order count and the
 * monetary sum assignTiers and tierSummary see are exactly those of the raw counted orders.
 */
export function dayRowsAsOrders(rows: readonly CustomerDayRow[]): OrderRecord[] {
  const orders: OrderRecord[] = [];
  for (const r of rows) {
    const orderedAt = new Date(`${r.localDate}T00:00:00Z`);
    for (let i = 0; i < r.orders; i++) {
      orders.push({
        id: `${r.customerId}:${r.localDate}:${i}`,
        customerId: r.customerId,
        channel: '',
        domain: 'public',
        orderedAt,
        localDate: r.localDate,
        amountFen: i === 0 ? r.gmvFen : 0,
        grossProfitFen: null,
        commissionFen: null,
        status: 'completed',
        returned: false,
        refundFen: 0,
      });
    }
  }
  return orders;
}

/** METRICS §7 tiers as of asOf, their GMV share over the lookback, and the move since asOf − 7. */
export async function tiersFromReadModel(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
): Promise<TiersResult> {
  const settings = workspaceSettingsOf(workspace).tiers;
  const previousAsOf = addDays(asOf, -7);
  const span = Math.max(settings.lookbackDays, settings.recentDays);
  const [rows, ids] = await Promise.all([
    customerDays(db, workspace.id, addDays(previousAsOf, -span), asOf),
    customerIds(db, workspace.id),
  ]);
  const customers: CustomerRecord[] = ids.map((id) => ({
    id,
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: null,
    leftPrivateAt: null,
  }));
  const orders = dayRowsAsOrders(rows);
  const current = assignTiers({ customers, orders, asOf, settings });
  const previous = assignTiers({ customers, orders, asOf: previousAsOf, settings });
  const window = { from: addDays(asOf, -settings.lookbackDays), to: asOf };
  return {
    asOf,
    previousAsOf,
    settings,
    window,
    summary: tierSummary({ tiers: current, orders, window }),
    movement: tierMovement(previous, current),
    notes: [RECENCY_ONLY_NOTE],
  };
}

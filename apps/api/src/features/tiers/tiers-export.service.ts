/**
 * Segment export: the customers of a tier as of asOf, or of a week-over-week move (from → to),
 * by external id only, for a lead to act on in the SCRM. Tiers are the ones GET tiers counts
 * (stored with its answer per read-model version, tiers.store.ts), so the rows of a tier equal
 * its `customers`.
 */
import { addDays, NOT_TIERED, TIER_CODES, TIERS, type Tier } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { storedTierCodes } from './tiers.service.js';

type Db = Kysely<Database>;

export type SegmentFilter =
  { kind: 'tier'; tier: Tier } | { kind: 'move'; from: Tier | 'new'; to: Tier | 'gone' };

export interface SegmentRow {
  externalId: string;
  tier: Tier;
  previousTier: Tier;
}

export interface Segment {
  asOf: string;
  previousAsOf: string;
  /** Rows the export will hold. */
  count: number;
  rows: AsyncIterable<SegmentRow>;
}

const PAGE = 5000;

function codeOf(x: Tier | 'new' | 'gone'): number {
  return x === 'new' || x === 'gone' ? NOT_TIERED : TIER_CODES[x];
}

/** The segment's customers, streamed in customer-id order in pages of external ids. */
export async function tierSegment(
  db: Db,
  workspace: Pick<Workspace, 'id' | 'settings'>,
  asOf: string,
  filter: SegmentFilter,
): Promise<Segment> {
  const { ids, current, previous, customers } = await storedTierCodes(db, workspace, asOf);
  const want =
    filter.kind === 'tier'
      ? { previous: null, current: TIER_CODES[filter.tier] }
      : { previous: codeOf(filter.from), current: codeOf(filter.to) };
  const matches = (p: number, c: number) =>
    c === want.current && (want.previous === null || p === want.previous);
  // Customers without facts or a prediction are ordinary at both dates.
  const ordinary = TIER_CODES.ordinary;
  const idleMatch = matches(ordinary, ordinary);
  const selected = new Map<number, [number, number]>();
  for (let i = 0; i < ids.length; i++) {
    if (matches(previous[i]!, current[i]!)) selected.set(ids[i]!, [previous[i]!, current[i]!]);
  }
  const idle = customers - ids.length;
  const count = selected.size + (idleMatch ? idle : 0);
  const known = new Set<number>(ids);

  async function* rows(): AsyncIterable<SegmentRow> {
    if (!idleMatch) {
      const list = [...selected.keys()].sort((a, b) => a - b);
      for (let start = 0; start < list.length; start += PAGE) {
        const page = list.slice(start, start + PAGE);
        const found = await db
          .selectFrom('customers')
          .select(['id', 'external_id'])
          .where('workspace_id', '=', workspace.id)
          .where('id', 'in', page)
          .orderBy('id')
          .execute();
        for (const c of found) {
          const [p, n] = selected.get(Number(c.id))!;
          yield { externalId: c.external_id, tier: TIERS[n]!, previousTier: TIERS[p]! };
        }
      }
      return;
    }
    // Every tiered customer (rm_customer), paged by id: the selected active ones and the idle rest.
    let after = 0;
    for (;;) {
      const { rows: page } = await sql<{ id: number; external_id: string }>`
        select c.id, c.external_id from rm_customer r
        join customers c on c.workspace_id = r.workspace_id and c.id = r.customer_id
        where r.workspace_id = ${workspace.id} and r.customer_id > ${after}
        order by r.customer_id limit ${PAGE}`.execute(db);
      if (page.length === 0) return;
      for (const c of page) {
        const id = Number(c.id);
        const codes = selected.get(id);
        if (codes) {
          yield {
            externalId: c.external_id,
            tier: TIERS[codes[1]]!,
            previousTier: TIERS[codes[0]]!,
          };
        } else if (!known.has(id)) {
          yield { externalId: c.external_id, tier: 'ordinary', previousTier: 'ordinary' };
        }
      }
      after = Number(page[page.length - 1]!.id);
    }
  }
  return { asOf, previousAsOf: addDays(asOf, -7), count, rows: rows() };
}

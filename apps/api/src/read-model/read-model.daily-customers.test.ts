import {
  addDays,
  localDateOf,
  startOfLocalDate,
  type CustomerRecord,
  type OrderRecord,
  type OrderStatus,
} from '@yugang/metrics';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import * as dailyCustomersMigration from '../db/migrations/0025_daily_customers.js';
import * as dailyConversionsMigration from '../db/migrations/0028_daily_conversions.js';
import { conversionCounts } from '../features/team-kpis/team-kpis.queries.js';
import { privateMembersIn } from '../features/review/review.queries.js';
import { newCustomersAndMembers } from '../features/roi/roi.queries.js';
import { applyOrderChanges, rebuildReadModel } from './read-model.refresh.js';
import { CHANNELS, insertOrders, loadDatasetInto, readModelSnapshot } from './test-data.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
});

const days = (first: string, n: number) => Array.from({ length: n }, (_, i) => addDays(first, i));

/**
 * Zones and days where a day does not begin at a single local midnight: Santiago springs forward
 * at 00:00 (its day begins at 23:00 the evening before) and falls back at 24:00; Casey jumped
 * back from 02:00 to 23:00 the day before (two midnights); Apia skipped 30 December 2011; and
 * Shanghai as the demo's zone.
 */
const ZONES = [
  { zone: 'America/Santiago', days: [...days('2024-04-05', 4), ...days('2024-09-06', 4)] },
  { zone: 'Antarctica/Casey', days: days('2010-03-03', 4) },
  { zone: 'Pacific/Apia', days: days('2011-12-28', 5) },
  { zone: 'Asia/Shanghai', days: days('2024-01-30', 4) },
];

interface Case {
  zone: string;
  days: string[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  /** Customers whose join and leave move in the delta, to these instants. */
  moves: { customer: number; join: Date | null; leave: Date | null }[];
  /** How many orders the rebuild sees; the rest arrive in the delta. */
  split: number;
  /** Instants the conversions are counted as of: near a day's start, 30 or 90 days on. */
  asOfs: Date[];
}

/** An instant within two and a half hours of a day's start (often exactly at it). */
const nearStartArb = (zone: string, zoneDays: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...zoneDays),
      fc.oneof(fc.constant(0), fc.integer({ min: -150, max: 150 })),
    )
    .map(([day, minutes]) => new Date(startOfLocalDate(day, zone).getTime() + minutes * 60_000));

const membershipArb = (zone: string, zoneDays: readonly string[]) =>
  fc
    .tuple(
      fc.option(nearStartArb(zone, zoneDays), { nil: null, freq: 3 }),
      fc.option(nearStartArb(zone, zoneDays), { nil: null, freq: 2 }),
    )
    .map(([join, leave]) => ({
      join,
      // A member leaves at or after joining (customers_left_after_join).
      leave: join === null || leave === null ? null : leave < join ? join : leave,
    }));

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 8 }))
  .chain(([{ zone, days: zoneDays }, n]) =>
    fc.record({
      zone: fc.constant(zone),
      days: fc.constant(zoneDays),
      members: fc.array(membershipArb(zone, zoneDays), { minLength: n, maxLength: n }),
      orders: fc.array(
        fc.record({
          customer: fc.integer({ min: 1, max: n }),
          at: nearStartArb(zone, zoneDays),
          channel: fc.constantFrom(...CHANNELS),
          status: fc.constantFrom<OrderStatus>('completed', 'paid', 'cancelled'),
        }),
        { maxLength: 25 },
      ),
      moves: fc.array(
        fc.record({ customer: fc.integer({ min: 1, max: n }), m: membershipArb(zone, zoneDays) }),
        { maxLength: 3 },
      ),
      split: fc.integer({ min: 0, max: 25 }),
      asOfs: fc.array(
        fc
          .tuple(nearStartArb(zone, zoneDays), fc.constantFrom(0, 30, 90))
          .map(([at, days]) => new Date(at.getTime() + days * 86_400_000)),
        { minLength: 1, maxLength: 2 },
      ),
    }),
  )
  .map((c) => ({
    zone: c.zone,
    days: c.days,
    split: c.split,
    asOfs: c.asOfs,
    customers: c.members.map((m, i) => ({
      id: String(i + 1),
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: m.join,
      leftPrivateAt: m.leave,
    })),
    orders: c.orders.map((o, i) => ({
      id: `O${i}`,
      customerId: String(o.customer),
      channel: o.channel.code,
      domain: o.channel.domain,
      orderedAt: o.at,
      localDate: localDateOf(o.at, c.zone),
      amountFen: 1_000,
      grossProfitFen: null,
      commissionFen: null,
      status: o.status,
      returned: false,
      refundFen: 0,
    })),
    moves: c.moves.map((m) => ({ customer: m.customer, join: m.m.join, leave: m.m.leave })),
  }));

let counter = 0;

async function workspaceIn(zone: string): Promise<number> {
  counter += 1;
  const slug = `rm-dc-${process.pid}-${counter}-${Math.floor(Math.random() * 1e6)}`;
  const ws = await db.db
    .insertInto('workspaces')
    .values({ slug, name: slug, time_zone: zone, settings: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(ws.id);
}

/** Every window [from, to) over the case's days and the days around them. */
function windowsOf(c: Case): { from: string; to: string }[] {
  const dates = [...new Set(c.days.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]))].sort();
  return dates.flatMap((from, i) => dates.slice(i + 1).map((to) => ({ from, to })));
}

/**
 * What ROI and the review counted before the per-day table, from rm_customer: first orders dated
 * in [from, to) by domain, joins between the instants from and to begin, members at the instant
 * to begins.
 */
async function fromCustomers(
  ws: number,
  zone: string,
  windows: { from: string; to: string }[],
  asOfs: readonly Date[],
) {
  const { rows } = await sql<{
    first_local_date: string | null;
    first_domain: string | null;
    joined: Date | null;
    left: Date | null;
    first_ordered: Date | null;
    converted: boolean;
    repurchased: boolean;
  }>`
    select first_local_date::text, first_domain, joined_private_at as joined,
      left_private_at as left, first_ordered_at as first_ordered,
      converted_at is not null as converted, repurchased_at is not null as repurchased
    from rm_customer where workspace_id = ${ws}`.execute(db.db);
  const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());
  const DAY = 86_400_000;
  return windows.map(({ from, to }) => {
    const start = startOfLocalDate(from, zone).getTime();
    const end = startOfLocalDate(to, zone).getTime();
    const firsts = rows.filter(
      (r) => r.first_local_date !== null && r.first_local_date >= from && r.first_local_date < to,
    );
    return {
      public: firsts.filter((r) => r.first_domain === 'public').length,
      private: firsts.filter((r) => r.first_domain === 'private').length,
      members: rows.filter(
        (r) => ms(r.joined) !== null && ms(r.joined)! >= start && ms(r.joined)! < end,
      ).length,
      atEnd: rows.filter(
        (r) =>
          ms(r.joined) !== null && ms(r.joined)! < end && (r.left === null || ms(r.left)! >= end),
      ).length,
      // The team KPIs' conversions as they were counted from rm_customer before migration 0028.
      conversions: asOfs.map((asOf) => {
        const joins = rows.filter(
          (r) => ms(r.joined) !== null && ms(r.joined)! >= start && ms(r.joined)! < end,
        );
        const joinsMature = joins.filter((r) => ms(r.joined)! + 30 * DAY <= asOf.getTime());
        const placed = firsts.filter((r) => ms(r.first_ordered)! <= asOf.getTime());
        const firstsMature = firsts.filter(
          (r) => ms(r.first_ordered)! + 90 * DAY <= asOf.getTime(),
        );
        return {
          firstOrder: {
            entrants: joins.length,
            mature: joinsMature.length,
            hits: joinsMature.filter((r) => r.converted).length,
          },
          repurchase: {
            entrants: placed.length,
            mature: firstsMature.length,
            hits: firstsMature.filter((r) => r.repurchased).length,
          },
        };
      }),
    };
  });
}

async function fromDays(
  ws: number,
  zone: string,
  windows: { from: string; to: string }[],
  asOfs: readonly Date[],
) {
  const members = await privateMembersIn(db.db, ws, windows);
  return Promise.all(
    windows.map(async (w, i) => {
      const counts = await newCustomersAndMembers(db.db, ws, w.from, w.to);
      expect(members[i]!.joined).toBe(counts.members);
      const conversions = [];
      for (const asOf of asOfs) {
        conversions.push(await conversionCounts(db.db, ws, { ...w, timeZone: zone, asOf }));
      }
      return { ...counts, atEnd: members[i]!.atEnd, conversions };
    }),
  );
}

describe('customers and members per local day (rm_daily_customers)', () => {
  it('when joins, leaves and first orders lie near the start of days in zones whose days do not begin at one midnight, then every window counts what rm_customer counts (the conversions as of instants near a day 0, 30 or 90 days on), after a rebuild and after a delta, and the delta equals a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const ws = await workspaceIn(c.zone);
        const early = c.orders.slice(0, c.split);
        await loadDatasetInto(db, ws, { customers: c.customers, orders: early });
        await rebuildReadModel(db, ws);
        const windows = windowsOf(c);
        expect(await fromDays(ws, c.zone, windows, c.asOfs)).toEqual(
          await fromCustomers(ws, c.zone, windows, c.asOfs),
        );

        // The delta: late orders (appended or not), one cancellation, moved joins and leaves.
        const newIds = await insertOrders(db, ws, c.orders.slice(c.split));
        const changed = new Set<number>();
        const first = early[0];
        if (first) {
          await sql`update orders set status = 'cancelled'
            where workspace_id = ${ws} and external_id = ${first.id}`.execute(db.db);
          changed.add(Number(first.customerId));
        }
        for (const m of c.moves) {
          await sql`update customers set joined_private_at = ${m.join},
              left_private_at = ${m.leave}
            where workspace_id = ${ws} and id = ${m.customer}`.execute(db.db);
          changed.add(m.customer);
        }
        await db.transaction((tx) => applyOrderChanges(tx, ws, [...changed], newIds));
        expect(await fromDays(ws, c.zone, windows, c.asOfs)).toEqual(
          await fromCustomers(ws, c.zone, windows, c.asOfs),
        );
        const incremental = await readModelSnapshot(db, ws);
        await rebuildReadModel(db, ws);
        expect(await readModelSnapshot(db, ws)).toEqual(incremental);
      }),
      { numRuns: 25 },
    );
  });

  it('when a span ends in the hours Casey lived twice (its clock went back from 02:00 to 23:00 the day before), then joins and first orders after that instant but dated the day before are not counted mature', async () => {
    // 2010-03-05 00:00–02:00 +11 (13:00–15:00 UTC) is dated 5 March, 23:00–24:00 +08 after it
    // (15:00–16:00 UTC) 4 March again; the join at 14:30 UTC is keyed to 4 March (its day begins
    // at the second midnight, 16:00 UTC).
    const zone = 'Antarctica/Casey';
    const at = (iso: string) => new Date(iso);
    const order = (id: string, customerId: string, orderedAt: Date): OrderRecord => ({
      id,
      customerId,
      channel: CHANNELS[0]!.code,
      domain: CHANNELS[0]!.domain,
      orderedAt,
      localDate: localDateOf(orderedAt, zone),
      amountFen: 1_000,
      grossProfitFen: null,
      commissionFen: null,
      status: 'completed',
      returned: false,
      refundFen: 0,
    });
    const member = (id: string, joined: Date | null): CustomerRecord => ({
      id,
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: joined,
      leftPrivateAt: null,
    });
    const ws = await workspaceIn(zone);
    await loadDatasetInto(db, ws, {
      customers: [member('1', at('2010-03-04T14:30:00Z')), member('2', null)],
      orders: [
        order('A1', '1', at('2010-03-06T00:00:00Z')),
        order('B1', '2', at('2010-03-04T15:30:00Z')),
        order('B2', '2', at('2010-03-10T00:00:00Z')),
      ],
    });
    await rebuildReadModel(db, ws);
    const threshold = at('2010-03-04T13:30:00Z').getTime();
    const asOfs = [30, 90].map((days) => new Date(threshold + days * 86_400_000));
    const windows = [{ from: '2010-03-01', to: '2010-03-10' }];
    const counted = await fromDays(ws, zone, windows, asOfs);
    expect(counted).toEqual(await fromCustomers(ws, zone, windows, asOfs));
    expect(counted[0]!.conversions.map((c) => [c.firstOrder, c.repurchase])).toEqual([
      [
        { entrants: 1, mature: 0, hits: 0 },
        { entrants: 2, mature: 0, hits: 0 },
      ],
      [
        { entrants: 1, mature: 1, hits: 1 },
        { entrants: 2, mature: 0, hits: 0 },
      ],
    ]);
  });

  it('when migrations 0025 and 0028 fill the per-day counts of existing read models, then they equal what a rebuild writes', async () => {
    const workspaces: number[] = [];
    for (const c of fc.sample(caseArb, { numRuns: 6, seed: 25 })) {
      const ws = await workspaceIn(c.zone);
      await loadDatasetInto(db, ws, { customers: c.customers, orders: c.orders });
      await rebuildReadModel(db, ws);
      workspaces.push(ws);
    }
    const rebuilt = await Promise.all(workspaces.map((ws) => readModelSnapshot(db, ws)));
    expect(rebuilt.some((s) => (s.rm_daily_customers ?? []).length > 0)).toBe(true);
    const counted = (column: string) =>
      rebuilt.some((s) => (s.rm_daily_customers ?? []).some((r) => JSON.parse(r)[column] > 0));
    expect(counted('joined_converted') && counted('first_repurchased')).toBe(true);
    await dailyConversionsMigration.down(db.db);
    await dailyCustomersMigration.down(db.db);
    await dailyCustomersMigration.up(db.db);
    await dailyConversionsMigration.up(db.db);
    for (const [i, ws] of workspaces.entries()) {
      expect(await readModelSnapshot(db, ws)).toEqual(rebuilt[i]);
    }
  });
});

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
    }),
  )
  .map((c) => ({
    zone: c.zone,
    days: c.days,
    split: c.split,
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
async function fromCustomers(ws: number, zone: string, windows: { from: string; to: string }[]) {
  const { rows } = await sql<{
    first_local_date: string | null;
    first_domain: string | null;
    joined: Date | null;
    left: Date | null;
  }>`
    select first_local_date::text, first_domain, joined_private_at as joined,
      left_private_at as left
    from rm_customer where workspace_id = ${ws}`.execute(db.db);
  const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());
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
    };
  });
}

async function fromDays(ws: number, windows: { from: string; to: string }[]) {
  const members = await privateMembersIn(db.db, ws, windows);
  return Promise.all(
    windows.map(async (w, i) => {
      const counts = await newCustomersAndMembers(db.db, ws, w.from, w.to);
      expect(members[i]!.joined).toBe(counts.members);
      return { ...counts, atEnd: members[i]!.atEnd };
    }),
  );
}

describe('customers and members per local day (rm_daily_customers)', () => {
  it('when joins, leaves and first orders lie near the start of days in zones whose days do not begin at one midnight, then every window counts what rm_customer counts, after a rebuild and after a delta, and the delta equals a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const ws = await workspaceIn(c.zone);
        const early = c.orders.slice(0, c.split);
        await loadDatasetInto(db, ws, { customers: c.customers, orders: early });
        await rebuildReadModel(db, ws);
        const windows = windowsOf(c);
        expect(await fromDays(ws, windows)).toEqual(await fromCustomers(ws, c.zone, windows));

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
        expect(await fromDays(ws, windows)).toEqual(await fromCustomers(ws, c.zone, windows));
        const incremental = await readModelSnapshot(db, ws);
        await rebuildReadModel(db, ws);
        expect(await readModelSnapshot(db, ws)).toEqual(incremental);
      }),
      { numRuns: 25 },
    );
  });

  it('when migration 0025 fills the per-day counts of existing read models, then they equal what a rebuild writes', async () => {
    const workspaces: number[] = [];
    for (const c of fc.sample(caseArb, { numRuns: 6, seed: 25 })) {
      const ws = await workspaceIn(c.zone);
      await loadDatasetInto(db, ws, { customers: c.customers, orders: c.orders });
      await rebuildReadModel(db, ws);
      workspaces.push(ws);
    }
    const rebuilt = await Promise.all(workspaces.map((ws) => readModelSnapshot(db, ws)));
    expect(rebuilt.some((s) => (s.rm_daily_customers ?? []).length > 0)).toBe(true);
    await dailyCustomersMigration.down(db.db);
    await dailyCustomersMigration.up(db.db);
    for (const [i, ws] of workspaces.entries()) {
      expect(await readModelSnapshot(db, ws)).toEqual(rebuilt[i]);
    }
  });
});

import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { loadDemo, type LoadDemoResult } from './load-demo.js';
import { measureStory } from './measure.js';
import { timeline } from './timeline.js';

// One database for the file: a 4,000-customer demo is loaded once, checked with the plain SQL of
// docs/demo-story.sql, then reloaded for the determinism checks at the end.
const CUSTOMERS = 4_000;
const storySql = readFileSync(new URL('../../../../docs/demo-story.sql', import.meta.url), 'utf8');

function statement(name: string): string {
  const start = storySql.indexOf(`-- name: ${name}\n`);
  if (start < 0) throw new Error(`no statement ${name} in docs/demo-story.sql`);
  const end = storySql.indexOf(';\n', start);
  return storySql.slice(start, end);
}

type Row = Record<string, unknown>;

async function run(db: TestDatabase, name: string): Promise<Row[]> {
  const result = await sql.raw<Row>(statement(name)).execute(db.db);
  return result.rows;
}

async function fingerprint(db: TestDatabase): Promise<Row> {
  const result = await sql<Row>`
    select (select count(*) from customers) as customers,
           (select count(*) from customers where joined_private_at is not null) as members,
           (select count(*) from orders) as orders,
           (select sum(amount_fen) from orders) as amount_fen,
           (select sum(gross_profit_fen) from orders) as gross_profit_fen,
           (select count(*) from orders where returned) as returned,
           (select sum(extract(epoch from ordered_at)) from orders) as ordered_at_sum,
           (select sum(amount_fen) from costs) as costs_fen,
           (select sum(messages) from group_daily) as messages,
           (select sum(active_adds + passive_adds) from account_daily) as adds,
           (select sum(viewers) from live_sessions) as viewers,
           (select count(*) from conversations) as conversations`.execute(db.db);
  return result.rows[0] ?? {};
}

describe('yg demo', () => {
  let db: TestDatabase;
  let loaded: LoadDemoResult;

  beforeAll(async () => {
    db = await createTestDatabase();
    loaded = await loadDemo(db, { customers: CUSTOMERS, seed: 1 });
  });

  afterAll(async () => {
    await db?.dispose();
  });

  it('when the demo loads, then every table has rows and the workspace is set up', async () => {
    expect(loaded.rows.customers).toBe(CUSTOMERS);
    expect(loaded.rows.channels).toBe(7);
    expect(loaded.rows.orders).toBeGreaterThan(CUSTOMERS * 1.5);
    for (const rows of Object.values(loaded.rows)) expect(rows).toBeGreaterThan(0);
    const ws = await db.db
      .selectFrom('workspaces')
      .selectAll()
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(ws.time_zone).toBe('Asia/Shanghai');
    expect(ws.private_launched_on).toBe('2024-04-01');
    expect(loaded.startDate).toBe('2023-10-01');
    expect(loaded.endDate).toBe('2026-10-01');
  });

  it('when orders are loaded, then local_date is the Shanghai date and domain the channel domain', async () => {
    const result = await sql<{ wrong_date: number; wrong_domain: number; outside: number }>`
      select count(*) filter (where o.local_date <> (o.ordered_at at time zone 'Asia/Shanghai')::date)
               as wrong_date,
             count(*) filter (where o.domain <> c.domain) as wrong_domain,
             count(*) filter (where o.local_date < '2023-10-01' or o.local_date >= '2026-10-01')
               as outside
      from orders o join channels c on c.workspace_id = o.workspace_id and c.code = o.channel`.execute(
      db.db,
    );
    expect(result.rows[0]).toEqual({ wrong_date: 0, wrong_domain: 0, outside: 0 });
  });

  it('when a customer is added after the load, then its generated id does not collide', async () => {
    const ws = await db.db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const inserted = await db.db
      .insertInto('customers')
      .values({ workspace_id: ws.id, external_id: 'after-demo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(inserted.id).toBeGreaterThan(CUSTOMERS);
    await db.db.deleteFrom('customers').where('external_id', '=', 'after-demo').execute();
  });

  it('when purchases per buyer over the last 365 days are compared, then private ≈ 2.1 and public ≈ 1.2', async () => {
    const rows = await run(db, 'customer_value');
    const byGroup = Object.fromEntries(rows.map((r) => [r.customer_group, r]));
    expect(Number(byGroup.private?.purchase_frequency)).toBeGreaterThan(1.95);
    expect(Number(byGroup.private?.purchase_frequency)).toBeLessThan(2.25);
    expect(Number(byGroup.public?.purchase_frequency)).toBeGreaterThan(1.05);
    expect(Number(byGroup.public?.purchase_frequency)).toBeLessThan(1.35);
    // The generators' own reckoning (measure.ts) agrees with the SQL to the third decimal.
    const memory = measureStory(1, CUSTOMERS, timeline());
    expect(Number(byGroup.private?.purchase_frequency)).toBeCloseTo(memory.frequency.private, 2);
    expect(Number(byGroup.public?.purchase_frequency)).toBeCloseTo(memory.frequency.public, 2);
  });

  it('when return rates are compared, then private returns about 40% less than public', async () => {
    const [row] = await run(db, 'return_rate_ratio');
    expect(Number(row?.return_rate_ratio)).toBeGreaterThan(0.5);
    expect(Number(row?.return_rate_ratio)).toBeLessThan(0.7);
  });

  it('when private GMV is split, then about 70% comes from repeat orders', async () => {
    const rows = await run(db, 'customer_value');
    const share = Number(rows.find((r) => r.customer_group === 'private')?.repeat_revenue_share);
    expect(share).toBeGreaterThan(0.62);
    expect(share).toBeLessThan(0.78);
  });

  it('when cumulative private profit is set against cost, then they cross in month 8–12', async () => {
    const [row] = await run(db, 'cost_balance');
    expect(Number(row?.cost_balance_month)).toBeGreaterThanOrEqual(8);
    expect(Number(row?.cost_balance_month)).toBeLessThanOrEqual(12);
    expect(Number(row?.cost_at_month_6_yuan)).toBeGreaterThan(Number(row?.profit_at_month_6_yuan));
  });

  it('when the private budget is split, then it is near 60/20/20 and public CAC is ¥80–150', async () => {
    const [split] = await run(db, 'budget_split');
    expect(Number(split?.traffic_share)).toBeCloseTo(0.6, 1);
    expect(Number(split?.tools_share)).toBeCloseTo(0.2, 1);
    expect(Number(split?.trial_share)).toBeCloseTo(0.2, 1);
    const [cac] = await run(db, 'public_cac');
    expect(Number(cac?.public_cac_yuan)).toBeGreaterThan(80);
    expect(Number(cac?.public_cac_yuan)).toBeLessThan(150);
  });

  it('when groups are read, then one shows hollow growth, one floods and the new one started hot', async () => {
    const hollow = await run(db, 'hollow_growth');
    expect(hollow.map((r) => r.group_id)).toEqual(['G004']);
    const health = await run(db, 'group_health');
    const flooding = health.filter((r) => Number(r.internal_message_share) > 0.5);
    expect(flooding.map((r) => r.group_id)).toEqual(['G008']);
    const healthy = health.filter((r) => Number(r.internal_per_100) >= 5);
    expect(healthy.length).toBeGreaterThanOrEqual(12);
    const cold = (await run(db, 'cold_start')).map((r) => ({
      internal: Number(r.internal_members),
      rate: Number(r.activity_rate),
    }));
    expect(cold.length).toBeGreaterThanOrEqual(3);
    expect(cold[0]!.internal).toBe(10);
    expect(cold[0]!.rate).toBeGreaterThan(0.4);
    expect(cold[1]!.rate).toBeGreaterThan(0.4);
    expect(cold[2]!.rate).toBeLessThan(cold[0]!.rate);
  });

  it('when account days are checked, then a few cross the red lines on young accounts', async () => {
    const [row] = await run(db, 'red_lines');
    expect(Number(row?.active_add_days)).toBeGreaterThanOrEqual(1);
    expect(Number(row?.passive_add_days)).toBeGreaterThanOrEqual(1);
    expect(Number(row?.mass_send_days)).toBeGreaterThanOrEqual(1);
    expect(Number(row?.red_line_days)).toBeLessThanOrEqual(10);
    const accounts = await sql<{ mains: number; backed: number; young: number }>`
      select count(*) filter (where backup_of is null) as mains,
             count(distinct backup_of) as backed,
             count(*) filter (where registered_at > date '2026-10-01' - 90) as young
      from accounts`.execute(db.db);
    expect(accounts.rows[0]).toEqual({ mains: 12, backed: 9, young: 3 });
  });

  it('when live sessions and conversations are read, then guide rate ≈ 5% and most replies come within 48 h', async () => {
    const [live] = await run(db, 'guide_rate');
    expect(Number(live?.guide_rate)).toBeGreaterThan(0.04);
    expect(Number(live?.guide_rate)).toBeLessThan(0.06);
    expect(Number(live?.min_rate)).toBeGreaterThanOrEqual(0.015);
    expect(Number(live?.max_rate)).toBeLessThanOrEqual(0.095);
    const [response] = await run(db, 'response');
    expect(Number(response?.response_rate_48h)).toBeGreaterThan(0.85);
    expect(Number(response?.response_rate_48h)).toBeLessThan(0.99);
    expect(Number(response?.unanswered)).toBeGreaterThan(0);
  });

  it('when the demo is reloaded with the same seed, then the data is identical and the foreign keys are back; with another seed, it differs', async () => {
    const first = await fingerprint(db);
    const foreignKeys = () =>
      sql<{ name: string; definition: string }>`
        select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
        where contype = 'f' order by conname`
        .execute(db.db)
        .then((r) => r.rows);
    const keysBefore = await foreignKeys();
    // The at-scale path (foreign keys dropped and re-added around the COPY) gives the same rows.
    const again = await loadDemo(db, { customers: CUSTOMERS, seed: 1, dropForeignKeys: true });
    expect(again.rows).toEqual(loaded.rows);
    expect(await fingerprint(db)).toEqual(first);
    expect(await foreignKeys()).toEqual(keysBefore);
    const other = await loadDemo(db, { customers: CUSTOMERS, seed: 2 });
    expect(other.workspaceId).toBe(loaded.workspaceId);
    const second = await fingerprint(db);
    expect(second.customers).toBe(first.customers);
    expect(second.orders).not.toBe(first.orders);
    expect(second.amount_fen).not.toBe(first.amount_fen);
  });
});

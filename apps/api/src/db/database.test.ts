import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { csvText } from './csv-line.js';
import { CopyText } from './database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function seedWorkspace(slug: string): Promise<number> {
  const ws = await database.db
    .insertInto('workspaces')
    .values({ slug, name: slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('channels')
    .values([
      { workspace_id: ws.id, code: 'tmall', name: '天猫', domain: 'public', commission_rate: 0.05 },
      {
        workspace_id: ws.id,
        code: 'wecom',
        name: '企业微信',
        domain: 'private',
        commission_rate: null,
      },
    ])
    .execute();
  return ws.id;
}

describe('database', () => {
  it('when migrated, then every base table exists and numbers come back as numbers', async () => {
    const wsId = await seedWorkspace('types');
    expect(typeof wsId).toBe('number');
    const channel = await database.db
      .selectFrom('channels')
      .select(['commission_rate'])
      .where('workspace_id', '=', wsId)
      .where('code', '=', 'tmall')
      .executeTakeFirstOrThrow();
    expect(channel.commission_rate).toBe(0.05);
    const day = await sql<{ d: string }>`select date '2024-03-01' as d`.execute(database.db);
    expect(day.rows[0]?.d).toBe('2024-03-01');
  });

  it('when a row breaks a rule, then the database refuses it', async () => {
    const wsId = await seedWorkspace('rules');
    await expect(
      database.db
        .insertInto('channels')
        .values({ workspace_id: wsId, code: 'x', name: 'x', domain: 'elsewhere' as 'public' })
        .execute(),
    ).rejects.toThrow();
    const customer = await database.db
      .insertInto('customers')
      .values({ workspace_id: wsId, external_id: 'c1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      database.db
        .insertInto('orders')
        .values({
          workspace_id: wsId,
          external_id: 'o1',
          customer_id: customer.id,
          channel: 'tmall',
          domain: 'public',
          ordered_at: '2024-01-01T00:00:00Z',
          local_date: '2024-01-01',
          amount_fen: -1,
          gross_profit_fen: null,
          commission_fen: null,
        })
        .execute(),
    ).rejects.toThrow(/check/i);
    await expect(
      database.db
        .insertInto('orders')
        .values({
          workspace_id: wsId,
          external_id: 'o2',
          customer_id: customer.id,
          channel: 'nowhere',
          domain: 'public',
          ordered_at: '2024-01-01T00:00:00Z',
          local_date: '2024-01-01',
          amount_fen: 100,
          gross_profit_fen: null,
          commission_fen: null,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
  });

  it('when orders name a missing customer or channel, or a customer or channel with orders goes, then the statement is refused', async () => {
    const wsId = await seedWorkspace('references');
    const [kept, spare] = await database.db
      .insertInto('customers')
      .values([
        { workspace_id: wsId, external_id: 'kept' },
        { workspace_id: wsId, external_id: 'spare' },
      ])
      .returning('id')
      .execute();
    const order = (external_id: string, customer_id: number, channel: string) => ({
      workspace_id: wsId,
      external_id,
      customer_id,
      channel,
      domain: 'public' as const,
      ordered_at: '2024-01-01T00:00:00Z',
      local_date: '2024-01-01',
      amount_fen: 100,
      gross_profit_fen: null,
      commission_fen: null,
    });
    // One statement with a good and a bad row: the whole statement goes.
    await expect(
      database.db
        .insertInto('orders')
        .values([order('good', kept!.id, 'tmall'), order('bad', 999_999_999, 'tmall')])
        .execute(),
    ).rejects.toThrow(/orders_customer_fk/);
    await database.db
      .insertInto('orders')
      .values(order('o1', kept!.id, 'tmall'))
      .execute();
    await expect(
      database.db
        .updateTable('orders')
        .set({ channel: 'nowhere' })
        .where('workspace_id', '=', wsId)
        .execute(),
    ).rejects.toThrow(/orders_channel_fk/);
    await expect(
      database.db.deleteFrom('customers').where('workspace_id', '=', wsId).execute(),
    ).rejects.toThrow(/orders_customer_fk/);
    await expect(
      database.db
        .updateTable('channels')
        .set({ code: 'tmall2' })
        .where('workspace_id', '=', wsId)
        .where('code', '=', 'tmall')
        .execute(),
    ).rejects.toThrow(/orders_channel_fk/);
    // Rows no order refers to can go.
    await database.db.deleteFrom('customers').where('id', '=', spare!.id).execute();
    await database.db
      .deleteFrom('channels')
      .where('workspace_id', '=', wsId)
      .where('code', '=', 'wecom')
      .execute();
    const left = await sql<{ orders: number; customers: number; channels: number }>`
      select (select count(*) from orders where workspace_id = ${wsId})::int as orders,
        (select count(*) from customers where workspace_id = ${wsId})::int as customers,
        (select count(*) from channels where workspace_id = ${wsId})::int as channels`.execute(
      database.db,
    );
    expect(left.rows[0]).toEqual({ orders: 1, customers: 1, channels: 1 });
  });

  it('when a transaction copies rows and then fails, then nothing lands', async () => {
    const wsId = await seedWorkspace('copy');
    const copied = await database.transaction((tx) =>
      tx.copyFrom(
        'customers',
        ['workspace_id', 'external_id', 'acquisition_channel'],
        [[wsId, 'a,"quoted"', 'tmall'], [wsId, '', null].map((v, i) => (i === 1 ? 'b' : v))],
      ),
    );
    expect(copied).toBe(2);
    const names = await database.db
      .selectFrom('customers')
      .select('external_id')
      .where('workspace_id', '=', wsId)
      .orderBy('external_id')
      .execute();
    expect(names.map((n) => n.external_id)).toEqual(['a,"quoted"', 'b']);

    await expect(
      database.transaction(async (tx) => {
        await tx.copyFrom('customers', ['workspace_id', 'external_id'], [[wsId, 'c']]);
        await tx.db
          .insertInto('customers')
          .values({ workspace_id: wsId, external_id: 'a,"quoted"' })
          .execute();
      }),
    ).rejects.toThrow(/duplicate|unique/i);
    const count = await database.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', wsId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('when rows come as ready COPY text in chunks, then they land as the row form would land them', async () => {
    const wsId = await seedWorkspace('text');
    const names = ['a,"quoted"', '\\.', 'line\nbreak', '中文', ' spaced '];
    const lines = names.map((name, i) => `${wsId},${csvText(name)},${i === 0 ? 'tmall' : ''}\n`);
    const copied = await database.transaction((tx) =>
      tx.copyFrom(
        'customers',
        ['workspace_id', 'external_id', 'acquisition_channel'],
        new CopyText([lines.slice(0, 2).join(''), Buffer.from(lines.slice(2).join(''))]),
      ),
    );
    expect(copied).toBe(names.length);
    const rows = await database.db
      .selectFrom('customers')
      .select(['external_id', 'acquisition_channel'])
      .where('workspace_id', '=', wsId)
      .orderBy('id')
      .execute();
    expect(rows).toEqual(
      names.map((name, i) => ({
        external_id: name,
        acquisition_channel: i === 0 ? 'tmall' : null,
      })),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';

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
});

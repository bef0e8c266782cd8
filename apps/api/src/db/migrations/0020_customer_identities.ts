import { sql, type Kysely } from 'kysely';

/**
 * One customer across ids (issue 12): every identifier an import has seen for a customer — the
 * brand's own id, a phone's keyed hash (`ph_…`, never the number), a platform buyer id
 * (`youzan:…`) — points at that customer, so a row carrying any known one lands on the same
 * customer. `customers.external_id` stays the name the customer is shown by; it is also looked up
 * directly, so customers made before this table (or by the demo) need no backfill.
 * Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_identities')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('value', 'text', (c) => c.notNull().check(sql`value <> ''`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('external', 'phone', 'platform')`),
    )
    .addColumn('customer_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('customer_identities_pk', ['workspace_id', 'value'])
    .addForeignKeyConstraint(
      'customer_identities_customer_fk',
      ['workspace_id', 'customer_id'],
      'customers',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('customer_identities_customer_idx')
    .on('customer_identities')
    .columns(['workspace_id', 'customer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_identities').ifExists().execute();
}

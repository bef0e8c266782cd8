import { sql, type Kysely } from 'kysely';

/**
 * A/B holdouts (issue 15): which customers an experiment assigned to the private-domain
 * treatment and which it held out, and when. One row per (experiment, customer); re-importing a
 * file updates the arm and time. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('experiment_assignments')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('experiment_id', 'text', (c) => c.notNull().check(sql`experiment_id <> ''`))
    .addColumn('customer_id', 'bigint', (c) => c.notNull())
    .addColumn('arm', 'text', (c) => c.notNull().check(sql`arm in ('treatment', 'holdout')`))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_assignments_pk', [
      'workspace_id',
      'experiment_id',
      'customer_id',
    ])
    .addForeignKeyConstraint(
      'experiment_assignments_customer_fk',
      ['workspace_id', 'customer_id'],
      'customers',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('experiment_assignments').ifExists().execute();
}

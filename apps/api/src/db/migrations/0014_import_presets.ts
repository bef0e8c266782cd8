import { sql, type Kysely } from 'kysely';

/**
 * Platform presets (issue 12): a per-workspace secret that keys the phone hash (kept out of the
 * data tables: only the importer reads it), saved column mappings, and the preset an import
 * used. Frozen in time: no app imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspace_secrets')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.primaryKey().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('import_mappings')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`name <> ''`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('columns', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'bigint')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('import_mappings_pk', ['workspace_id', 'name'])
    .execute();
  await db.schema.alterTable('imports').addColumn('preset', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('preset').execute();
  await db.schema.dropTable('import_mappings').ifExists().execute();
  await db.schema.dropTable('workspace_secrets').ifExists().execute();
}

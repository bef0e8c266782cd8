import { sql, type Kysely } from 'kysely';

/**
 * Failed sign-in counters in the database instead of process memory, so the login limiter and
 * the account lockout survive a restart and hold across processes. `key` is a SHA-256 of the
 * counted thing (IP, IP + email, or email), never the address itself. Frozen in time: no app
 * imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures > 0`))
    .addColumn('reset_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_reset_at')
    .on('login_attempts')
    .column('reset_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempts').execute();
}

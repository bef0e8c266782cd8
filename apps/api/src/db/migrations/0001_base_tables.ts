import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Every table's key starts with workspace_id so a large installation can distribute by it.
// Money is integer fen (bigint); rates are exact numerics.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('private_launched_on', 'date')
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('email', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email) and position('@' in email) > 1`),
    )
    .addColumn('name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'lead', 'viewer')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('read_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('api_keys_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('channels')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code <> ''`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull().check(sql`domain in ('public', 'private')`))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('commission_rate', 'numeric(6, 4)', (c) =>
      c.check(sql`commission_rate >= 0 and commission_rate <= 1`),
    )
    .addPrimaryKeyConstraint('channels_pk', ['workspace_id', 'code'])
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull().check(sql`external_id <> ''`))
    .addColumn('acquired_at', 'timestamptz')
    .addColumn('acquisition_channel', 'text')
    .addColumn('joined_private_at', 'timestamptz')
    .addColumn('left_private_at', 'timestamptz')
    .addPrimaryKeyConstraint('customers_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('customers_external_id_key', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint(
      'customers_channel_fk',
      ['workspace_id', 'acquisition_channel'],
      'channels',
      ['workspace_id', 'code'],
    )
    .addCheckConstraint(
      'customers_left_after_join',
      sql`left_private_at is null or (joined_private_at is not null and left_private_at >= joined_private_at)`,
    )
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('external_id', 'text', (c) => c.notNull().check(sql`external_id <> ''`))
    .addColumn('customer_id', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // Denormalised at ingest: the channel's domain and the order's date in the workspace time zone
    // (time-zone conversion and channel look-ups dominate scan time otherwise).
    .addColumn('domain', 'text', (c) => c.notNull().check(sql`domain in ('public', 'private')`))
    .addColumn('ordered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('gross_profit_fen', 'bigint')
    .addColumn('commission_fen', 'bigint', (c) => c.check(sql`commission_fen >= 0`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('completed')
        .check(sql`status in ('pending', 'paid', 'shipped', 'completed', 'cancelled')`),
    )
    .addColumn('returned', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('refund_fen', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`refund_fen >= 0`),
    )
    .addPrimaryKeyConstraint('orders_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('orders_external_id_key', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint('orders_customer_fk', ['workspace_id', 'customer_id'], 'customers', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('orders_channel_fk', ['workspace_id', 'channel'], 'channels', [
      'workspace_id',
      'code',
    ])
    .execute();
  await db.schema
    .createIndex('orders_customer_idx')
    .on('orders')
    .columns(['workspace_id', 'customer_id', 'ordered_at'])
    .execute();
  await db.schema
    .createIndex('orders_date_idx')
    .on('orders')
    .columns(['workspace_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('costs')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('month', 'date', (c) => c.notNull().check(sql`extract(day from month) = 1`))
    .addColumn('domain', 'text', (c) => c.notNull().check(sql`domain in ('public', 'private')`))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('labor', 'tools', 'traffic', 'trial', 'fixed')`),
    )
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addPrimaryKeyConstraint('costs_pk', ['workspace_id', 'month', 'domain', 'category', 'note'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('external_id', 'text', (c) => c.notNull().check(sql`external_id <> ''`))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('wecom'))
    .addColumn('registered_at', 'date')
    .addColumn('backup_of', 'text')
    .addPrimaryKeyConstraint('accounts_pk', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint('accounts_backup_fk', ['workspace_id', 'backup_of'], 'accounts', [
      'workspace_id',
      'external_id',
    ])
    .addCheckConstraint(
      'accounts_not_own_backup',
      sql`backup_of is null or backup_of <> external_id`,
    )
    .execute();

  await db.schema
    .createTable('account_daily')
    .addColumn('workspace_id', 'bigint', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('active_adds', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`active_adds >= 0`),
    )
    .addColumn('passive_adds', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`passive_adds >= 0`),
    )
    .addColumn('mass_sends', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`mass_sends >= 0`),
    )
    .addColumn('complaints', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`complaints >= 0`),
    )
    .addPrimaryKeyConstraint('account_daily_pk', ['workspace_id', 'account_id', 'date'])
    .addForeignKeyConstraint(
      'account_daily_account_fk',
      ['workspace_id', 'account_id'],
      'accounts',
      ['workspace_id', 'external_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('external_id', 'text', (c) => c.notNull().check(sql`external_id <> ''`))
    .addColumn('customer_id', 'bigint')
    .addColumn('account_id', 'text')
    .addColumn('first_inbound_at', 'timestamptz', (c) => c.notNull())
    .addColumn('first_response_at', 'timestamptz')
    .addPrimaryKeyConstraint('conversations_pk', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint(
      'conversations_customer_fk',
      ['workspace_id', 'customer_id'],
      'customers',
      ['workspace_id', 'id'],
    )
    .addForeignKeyConstraint(
      'conversations_account_fk',
      ['workspace_id', 'account_id'],
      'accounts',
      ['workspace_id', 'external_id'],
    )
    .addCheckConstraint(
      'conversations_reply_after_inbound',
      sql`first_response_at is null or first_response_at >= first_inbound_at`,
    )
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('external_id', 'text', (c) => c.notNull().check(sql`external_id <> ''`))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_on', 'date')
    .addPrimaryKeyConstraint('groups_pk', ['workspace_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('group_daily')
    .addColumn('workspace_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull().check(sql`members >= 0`))
    .addColumn('active_members', 'integer', (c) => c.notNull().check(sql`active_members >= 0`))
    .addColumn('messages', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`messages >= 0`),
    )
    .addColumn('joins', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`joins >= 0`),
    )
    .addColumn('leaves', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`leaves >= 0`),
    )
    .addColumn('internal_members', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`internal_members >= 0`),
    )
    // Optional: messages written by internal (staff) members, for the flooding check.
    .addColumn('internal_messages', 'integer', (c) => c.check(sql`internal_messages >= 0`))
    .addPrimaryKeyConstraint('group_daily_pk', ['workspace_id', 'group_id', 'date'])
    .addForeignKeyConstraint(
      'group_daily_group_fk',
      ['workspace_id', 'group_id'],
      'groups',
      ['workspace_id', 'external_id'],
      (c) => c.onDelete('cascade'),
    )
    .addCheckConstraint(
      'group_daily_active_within_members',
      sql`active_members <= members and internal_members <= members`,
    )
    .execute();

  await db.schema
    .createTable('live_sessions')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('external_id', 'text', (c) => c.notNull().check(sql`external_id <> ''`))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('viewers', 'integer', (c) => c.notNull().check(sql`viewers >= 0`))
    .addColumn('private_adds', 'integer', (c) => c.notNull().check(sql`private_adds >= 0`))
    .addPrimaryKeyConstraint('live_sessions_pk', ['workspace_id', 'external_id'])
    .addForeignKeyConstraint('live_sessions_channel_fk', ['workspace_id', 'channel'], 'channels', [
      'workspace_id',
      'code',
    ])
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) =>
      c
        .notNull()
        .defaultTo('all')
        .check(sql`segment in ('public', 'private', 'all')`),
    )
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('target', 'numeric', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('boundary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('goals_pk', ['workspace_id', 'id'])
    .addCheckConstraint('goals_period_order', sql`period_end > period_start`)
    .execute();

  await db.schema
    .createTable('annotations')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().check(sql`length(text) between 1 and 500`))
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('annotations_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('readiness_assessments')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('readiness_assessments_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'succeeded', 'rejected', 'failed', 'validated')`),
    )
    .addColumn('dry_run', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('message', 'text')
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('api_key_id', 'bigint')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('imports_pk', ['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('workspace_id', 'bigint', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('id', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'bigint')
    .addColumn('actor_api_key_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('audit_log_pk', ['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'imports',
    'readiness_assessments',
    'annotations',
    'goals',
    'live_sessions',
    'group_daily',
    'groups',
    'conversations',
    'account_daily',
    'accounts',
    'costs',
    'orders',
    'customers',
    'channels',
    'api_keys',
    'sessions',
    'memberships',
    'users',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

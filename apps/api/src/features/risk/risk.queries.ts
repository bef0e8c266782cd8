import type { AccountDayRecord, AccountRecord } from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** All staff accounts of the workspace (a small table). */
export async function accounts(db: Db, workspaceId: number): Promise<AccountRecord[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['external_id', 'kind', 'registered_at', 'backup_of'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('external_id')
    .execute();
  return rows.map((r) => ({
    id: r.external_id,
    kind: r.kind,
    registeredAt: r.registered_at,
    backupOf: r.backup_of,
  }));
}

/** Account-days with local dates in [from, to) (primary key: workspace, account, date). */
export async function accountDays(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<AccountDayRecord[]> {
  const rows = await db
    .selectFrom('account_daily')
    .select(['account_id', 'date', 'active_adds', 'passive_adds', 'mass_sends', 'complaints'])
    .where('workspace_id', '=', workspaceId)
    .where('date', '>=', from)
    .where('date', '<', to)
    .orderBy('date')
    .orderBy('account_id')
    .execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    date: r.date,
    activeAdds: Number(r.active_adds),
    passiveAdds: Number(r.passive_adds),
    massSends: Number(r.mass_sends),
    complaints: Number(r.complaints),
  }));
}

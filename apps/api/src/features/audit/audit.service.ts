import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Reading the audit log; entries are written by lib/audit.ts (`audited`) with each change. */

export interface AuditRecord {
  id: number;
  at: string;
  actorUserId: number | null;
  actorEmail: string | null;
  actorApiKeyId: number | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

/** The newest entries of a workspace first; `before` (an id) pages back. */
export async function listAudit(
  db: Kysely<Database>,
  workspaceId: number,
  options: { limit: number; before?: number | undefined },
): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_user_id',
      'u.email',
      'a.actor_api_key_id',
      'a.action',
      'a.target',
      'a.details',
    ])
    .where('a.workspace_id', '=', workspaceId)
    .orderBy('a.id', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('a.id', '<', options.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at as unknown as string | Date).toISOString(),
    actorUserId: r.actor_user_id,
    actorEmail: r.email,
    actorApiKeyId: r.actor_api_key_id,
    action: r.action,
    target: r.target,
    details: r.details as unknown as Record<string, unknown>,
  }));
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../lib/audit.js';

/**
 * Sign-ins in the audit log of every workspace the account belongs to, so an owner sees who
 * signed in and who kept failing (`auth.login`, `auth.login_failed`). An email with no account
 * belongs to no workspace: nothing to record there (the request log has it).
 */
export async function auditLogin(
  db: Kysely<Database>,
  input: { email: string; ip: string; succeeded: boolean; userId?: number },
): Promise<void> {
  const user =
    input.userId !== undefined
      ? { id: input.userId }
      : await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', input.email)
          .executeTakeFirst();
  if (!user) return;
  const memberships = await db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', user.id)
    .execute();
  for (const { workspace_id } of memberships) {
    await recordAudit(db, {
      workspaceId: workspace_id,
      actor: { userId: input.succeeded ? user.id : null, apiKeyId: null },
      action: input.succeeded ? 'auth.login' : 'auth.login_failed',
      target: input.email,
      details: { ip: input.ip },
    });
  }
}

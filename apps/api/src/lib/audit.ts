import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The audit log's writing side, shared by every feature that changes something a lead should be
 * able to trace (the audit feature only lists it). A change and its audit row commit together or
 * not at all: use `audited`, which opens the transaction.
 */
export interface AuditEntry {
  workspaceId: number;
  /** Who did it: a user, an API key, or neither (the CLI). */
  actor: { userId: number | null; apiKeyId: number | null };
  /** `<feature>.<verb>`, e.g. `members.add`, `api_keys.revoke`, `settings.update`. */
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** One row in audit_log, in the caller's transaction (prefer `audited`). */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor_user_id: entry.actor.userId,
      actor_api_key_id: entry.actor.apiKeyId,
      action: entry.action,
      target: entry.target ?? '',
      details: sql`${JSON.stringify(entry.details ?? {})}::jsonb`,
    })
    .execute();
}

/** What a change records about itself once it knows (e.g. the id it created). */
export interface AuditNote {
  target?: string;
  details?: Record<string, unknown>;
  /** Set when the change turned out to change nothing (e.g. revoking a revoked key): no row. */
  unchanged?: boolean;
}

/**
 * Runs `change` and records it in audit_log in one transaction; returns the change's result.
 * `entry` holds what is known before; the change may fill in `note` (target, details).
 */
export async function audited<T>(
  db: Kysely<Database>,
  entry: AuditEntry,
  change: (trx: Kysely<Database>, note: AuditNote) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const note: AuditNote = {};
    const result = await change(trx, note);
    if (note.unchanged) return result;
    const target = note.target ?? entry.target;
    const details = note.details ?? entry.details;
    await recordAudit(trx, {
      workspaceId: entry.workspaceId,
      actor: { userId: entry.actor.userId, apiKeyId: entry.actor.apiKeyId },
      action: entry.action,
      ...(target === undefined ? {} : { target }),
      ...(details === undefined ? {} : { details }),
    });
    return result;
  });
}

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface CreatedApiKey {
  id: number;
  /** The full key: shown once, never stored. */
  key: string;
  prefix: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(
  db: Kysely<Database>,
  input: { workspaceId: number; name?: string; readOnly?: boolean; createdBy?: number | null },
): Promise<CreatedApiKey> {
  const key = `yg_${randomBytes(24).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  const row = await db
    .insertInto('api_keys')
    .values({
      workspace_id: input.workspaceId,
      name: input.name ?? '',
      prefix,
      key_hash: hashApiKey(key),
      read_only: input.readOnly ?? false,
      created_by: input.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key, prefix };
}

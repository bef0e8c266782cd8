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

export interface ApiKeyRecord {
  id: number;
  name: string;
  prefix: string;
  readOnly: boolean;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (value: unknown) =>
  value == null ? null : new Date(value as string | Date).toISOString();

/** Every key of a workspace, newest first; never the key or its hash. */
export async function listApiKeys(
  db: Kysely<Database>,
  workspaceId: number,
): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys as k')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.read_only',
      'k.created_at',
      'u.email',
      'k.last_used_at',
      'k.revoked_at',
    ])
    .where('k.workspace_id', '=', workspaceId)
    .orderBy('k.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    readOnly: r.read_only,
    createdAt: iso(r.created_at)!,
    createdBy: r.email,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  }));
}

/** Revokes a key of this workspace (idempotent); false when the workspace has no such key. */
export async function revokeApiKey(
  db: Kysely<Database>,
  workspaceId: number,
  id: number,
): Promise<{ prefix: string; alreadyRevoked: boolean } | undefined> {
  const key = await db
    .selectFrom('api_keys')
    .select(['prefix', 'revoked_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!key) return undefined;
  if (key.revoked_at) return { prefix: key.prefix, alreadyRevoked: true };
  await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return { prefix: key.prefix, alreadyRevoked: false };
}

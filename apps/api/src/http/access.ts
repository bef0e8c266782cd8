import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database, Role, Workspace } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { hashApiKey } from '../features/api-keys/api-keys.service.js';
import { findSessionUser, readCookie, SESSION_COOKIE } from '../features/auth/sessions.js';
import { Recent } from './recent.js';

/**
 * Who is calling. A user signs in with the session cookie; an API key (Authorization: Bearer
 * yg_…) belongs to one workspace and acts there as a lead, or as a viewer when read-only.
 * `role` is only known once a workspace is resolved (null on routes outside a workspace).
 */
export interface Actor {
  kind: 'user' | 'api_key';
  userId: number | null;
  apiKeyId: number | null;
  role: Role | null;
}

/**
 * An authenticated caller before a workspace is resolved. An API key carries its one workspace's
 * row, read with the key: a request by key then costs one look-up, not two.
 */
export type Principal =
  | { kind: 'user'; userId: number; sessionToken: string }
  | {
      kind: 'api_key';
      apiKeyId: number;
      workspaceId: number;
      readOnly: boolean;
      workspace: Workspace;
    };

const RANK: Record<Role, number> = { viewer: 1, lead: 2, owner: 3 };

/** owner ⊃ lead ⊃ viewer. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export const unauthenticated = (message = 'sign in or send an API key') =>
  new AppError(401, 'unauthenticated', message);

const LAST_USED_EVERY_MS = 60_000;

/**
 * Resolves callers for one app. Principals and memberships are kept for `cacheMs` (recent.ts:
 * `forgetAll` after every change made through this app, the bound for changes made elsewhere);
 * also holds the small in-memory throttle for api_keys.last_used_at.
 */
export class AccessResolver {
  private readonly lastUsedWritten = new Map<number, number>();
  private readonly principals: Recent<string, Principal>;
  private readonly memberships: Recent<string, { workspace: Workspace; actor: Actor }>;

  constructor(
    private readonly db: Kysely<Database>,
    cacheMs = 0,
  ) {
    this.principals = new Recent(cacheMs);
    this.memberships = new Recent(cacheMs);
  }

  /** A change went through this app: the next request asks the database again. */
  forgetAll(): void {
    this.principals.clear();
    this.memberships.clear();
  }

  /** The caller, or undefined when the request carries no credentials. Bad credentials → 401. */
  async principal(req: Request): Promise<Principal | undefined> {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(yg_\S+)\s*$/i.exec(authorization);
      if (!match?.[1]) throw unauthenticated('the Authorization header must be Bearer yg_…');
      const key = match[1];
      const principal = await this.principals.get(`key ${key}`, () => this.apiKey(key));
      if (principal.kind === 'api_key') await this.touch(principal.workspaceId, principal.apiKeyId);
      return principal;
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) return undefined;
    return this.principals.get(`session ${token}`, async () => {
      const userId = await findSessionUser(this.db, token);
      if (userId === undefined) throw unauthenticated('the session has expired; sign in again');
      return { kind: 'user', userId, sessionToken: token };
    });
  }

  private async apiKey(key: string): Promise<Principal> {
    const row = await this.db
      .selectFrom('api_keys as k')
      .innerJoin('workspaces as w', 'w.id', 'k.workspace_id')
      .selectAll('w')
      .select(['k.id as api_key_id', 'k.read_only', 'k.revoked_at'])
      .where('k.key_hash', '=', hashApiKey(key))
      .executeTakeFirst();
    if (!row) throw unauthenticated('unknown API key');
    if (row.revoked_at) throw unauthenticated('this API key has been revoked');
    const { api_key_id, read_only, revoked_at: _revoked, ...workspace } = row;
    return {
      kind: 'api_key',
      apiKeyId: api_key_id,
      workspaceId: workspace.id,
      readOnly: read_only,
      workspace,
    };
  }

  /** Writes last_used_at at most once a minute per key per process: a read stays a read. */
  private async touch(workspaceId: number, id: number): Promise<void> {
    const now = Date.now();
    const last = this.lastUsedWritten.get(id);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(id, now);
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date(now) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /**
   * The workspace and the caller's role in it. A workspace that does not exist and one the
   * caller does not belong to answer the same 404, so slugs do not leak.
   */
  async workspace(
    slug: string,
    principal: Principal,
  ): Promise<{ workspace: Workspace; actor: Actor }> {
    if (principal.kind === 'api_key') {
      if (principal.workspace.slug !== slug) throw notFound(slug);
      const role: Role = principal.readOnly ? 'viewer' : 'lead';
      return {
        workspace: principal.workspace,
        actor: { kind: 'api_key', userId: null, apiKeyId: principal.apiKeyId, role },
      };
    }
    const { userId } = principal;
    return this.memberships.get(`${userId} ${slug}`, () => this.membership(slug, userId));
  }

  private async membership(
    slug: string,
    userId: number,
  ): Promise<{ workspace: Workspace; actor: Actor }> {
    const row = await this.db
      .selectFrom('workspaces as w')
      .innerJoin('memberships as m', (join) =>
        join.onRef('m.workspace_id', '=', 'w.id').on('m.user_id', '=', userId),
      )
      .selectAll('w')
      .select('m.role')
      .where('w.slug', '=', slug)
      .executeTakeFirst();
    if (!row) throw notFound(slug);
    const { role, ...workspace } = row;
    return { workspace, actor: { kind: 'user', userId, apiKeyId: null, role } };
  }
}

const notFound = (slug: string) => new AppError(404, 'not_found', `workspace ${slug} not found`);

/** The actor outside a workspace (no role yet). */
export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { kind: 'user', userId: principal.userId, apiKeyId: null, role: null }
    : { kind: 'api_key', userId: null, apiKeyId: principal.apiKeyId, role: null };
}

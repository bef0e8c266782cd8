import type { Express } from 'express';
import { createApp } from '../src/app.js';
import { defaultConfig, type Config } from '../src/config.js';
import type { DatabaseHandle } from '../src/db/database.js';
import type { Role, Workspace } from '../src/db/schema.js';
import { createApiKey } from '../src/features/api-keys/api-keys.service.js';
import { createSession, SESSION_COOKIE } from '../src/features/auth/sessions.js';
import { addMember } from '../src/features/members/add-member.js';
import { DashboardWarmer } from '../src/warm-up/dashboard-warmer.js';
import { createWorkspace } from '../src/features/workspaces/workspaces.service.js';
import { listen, type Listening } from './listen.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const FIXTURE_PASSWORD = 'correct horse battery';

export interface FixtureUser {
  id: number;
  email: string;
  password: string;
}

/** The callers every access test needs; `headers` are ready to pass to fetch. */
export type CallerName =
  'owner' | 'lead' | 'viewer' | 'leadKey' | 'readOnlyKey' | 'outsider' | 'none';

export interface Fixture {
  /** The workspace the callers belong to (slug `acme` unless told). */
  workspace: Workspace;
  /** Another workspace with data of its own; only `outsider` belongs to it. */
  foreign: Workspace;
  users: Record<'owner' | 'lead' | 'viewer' | 'outsider', FixtureUser>;
  keys: Record<'lead' | 'readOnly' | 'foreign', { id: number; key: string; prefix: string }>;
  /** Request headers per caller: a session cookie for users, a bearer key for keys. */
  headers: Record<CallerName, Record<string, string>>;
  /** The role each caller holds in `workspace` (null: none). */
  roles: Record<CallerName, Role | null>;
}

/**
 * A workspace with an owner, a lead, a viewer (signed in: sessions created directly, no HTTP
 * login, so the login rate limit is not touched), a lead API key and a read-only key, plus a
 * foreign workspace owned by `outsider` with its own key.
 */
export async function createFixture(
  handle: DatabaseHandle,
  options: { slug?: string; foreignSlug?: string } = {},
): Promise<Fixture> {
  const db = handle.db;
  const slug = options.slug ?? 'acme';
  const workspace = await createWorkspace(db, { slug, name: `${slug} 品牌` });
  const foreign = await createWorkspace(db, {
    slug: options.foreignSlug ?? `${slug}-rival`,
    name: 'Rival',
  });
  const user = async (role: Role, ws: Workspace, name: string): Promise<FixtureUser> => {
    const email = `${name}@${slug}.test`;
    const { userId } = await addMember(db, {
      email,
      password: FIXTURE_PASSWORD,
      workspaceId: ws.id,
      role,
      name,
    });
    return { id: userId, email, password: FIXTURE_PASSWORD };
  };
  const users = {
    owner: await user('owner', workspace, 'owner'),
    lead: await user('lead', workspace, 'lead'),
    viewer: await user('viewer', workspace, 'viewer'),
    outsider: await user('owner', foreign, 'outsider'),
  };
  const keys = {
    lead: await createApiKey(db, { workspaceId: workspace.id, name: 'lead key' }),
    readOnly: await createApiKey(db, {
      workspaceId: workspace.id,
      name: 'read-only key',
      readOnly: true,
    }),
    foreign: await createApiKey(db, { workspaceId: foreign.id, name: 'foreign key' }),
  };
  const cookie = async (u: FixtureUser) => {
    const { token } = await createSession(db, u.id);
    return { cookie: `${SESSION_COOKIE}=${token}` };
  };
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  return {
    workspace,
    foreign,
    users,
    keys,
    headers: {
      owner: await cookie(users.owner),
      lead: await cookie(users.lead),
      viewer: await cookie(users.viewer),
      outsider: await cookie(users.outsider),
      leadKey: bearer(keys.lead.key),
      readOnlyKey: bearer(keys.readOnly.key),
      none: {},
    },
    roles: {
      owner: 'owner',
      lead: 'lead',
      viewer: 'viewer',
      leadKey: 'lead',
      readOnlyKey: 'viewer',
      outsider: null,
      none: null,
    },
  };
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  as?: CallerName | Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApp {
  database: TestDatabase;
  app: Express;
  server: Listening;
  url: string;
  fixture: Fixture;
  /** fetch `/api/v1${path}` as a caller, with a JSON body if given; parses a JSON answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers freely
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiAnswer<T>>;
  /** Present when started with `warmer: true`. */
  warmer: DashboardWarmer | undefined;
  close(): Promise<void>;
}

/** A migrated database (PGlite, or Postgres with TEST_DATABASE_URL), the app on a port, a fixture. */
export async function startTestApp(
  options: {
    slug?: string;
    foreignSlug?: string;
    warmer?: boolean;
    /** TRUST_PROXY for tests that play the proxy in front (X-Forwarded-*); default none. */
    trustProxy?: Config['TRUST_PROXY'];
    /**
     * ACCESS_CACHE_MS; default 0 here, so a test that writes to the database directly (as
     * another process would) sees its write on the next request. test/access-cache.test.ts
     * runs with the bound.
     */
    accessCacheMs?: number;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const fixture = await createFixture(database, options);
  const warmer = options.warmer ? new DashboardWarmer(database, 0) : undefined;
  const config = {
    ...defaultConfig,
    TRUST_PROXY: options.trustProxy ?? false,
    ACCESS_CACHE_MS: options.accessCacheMs ?? 0,
  };
  const app = createApp({ handle: database, warmer, config });
  const server = await listen(app);
  const call = async <T>(method: string, path: string, opts: CallOptions = {}) => {
    const who = typeof opts.as === 'string' ? fixture.headers[opts.as] : (opts.as ?? {});
    const headers: Record<string, string> = { ...who, ...opts.headers };
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      parsed = JSON.parse(text);
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    database,
    app,
    server,
    url: server.url,
    fixture,
    call,
    warmer,
    close: async () => {
      await server.close();
      await warmer?.stop();
      await database.dispose();
    },
  };
}

/**
 * The route kit: mounts a handler on a route contract of @yugang/contract (method, path, who may
 * call, zod schemas). The same contract registers the Express handler (inputs parsed by zod once
 * → 400 invalid_request), its operation in the OpenAPI document (GET /api/v1/openapi.json) and
 * types the web client.
 *
 *   implement(contract.settings, ({ workspace }) => settingsOf(workspace));
 *
 * Checks run in this order, before any input is parsed: credentials (401) → workspace
 * membership (404, the same answer for a workspace that does not exist) → role (403) →
 * cross-origin cookie mutations (403) → the route's middleware → params, query, body (400) →
 * the window (routes whose contract says `window`: resolved once here, anchored on the latest
 * data day) → handler. The handler's return value is parsed by `response` (undeclared fields are
 * dropped) and sent as JSON with `status` (default 200); a route without `response` answers 204.
 */
import {
  resolveAsOf,
  resolveWindow,
  WindowError,
  type Access,
  type DateWindow,
  type Freshness,
  type Method,
  type RouteContract,
  workspaceParams,
} from '@yugang/contract';
import { Router, type Express, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.js';
import type { Database, Role, Workspace } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { anchorDay, dataFreshness } from '../read-model/freshness.js';
import { answerCache, editsVersion, readModelVersion } from '../read-model/read-model-cache.js';
import {
  AccessResolver,
  actorOf,
  roleAtLeast,
  unauthenticated,
  type Actor,
  type Principal,
} from './access.js';
import { keptAnswer, keptWeight, sendKept, type KeptAnswer } from './kept-answer.js';
import { openApiDocument } from './openapi.js';
import { Recent } from './recent.js';

type AnyObject = z.ZodObject;
type Maybe<S> = S extends z.ZodType ? z.output<S> : undefined;
type Extra<P> = P extends z.ZodType ? z.output<P> : Record<never, never>;
/** The kit adds `freshness` to windowed answers; handlers return the rest. */
type WithoutFreshness<T> = T extends object
  ? 'freshness' extends keyof T
    ? Omit<T, 'freshness'>
    : T
  : T;
type Returns<R> = R extends z.ZodType ? WithoutFreshness<z.input<R>> : void;

type RouteDocs = Pick<RouteContract, 'summary' | 'description' | 'tags' | 'errors' | 'openapi'>;

export interface BaseContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
  handle: DatabaseHandle;
  db: Kysely<Database>;
}

export interface PublicContext<P, Q, B> extends BaseContext<P, Q, B> {
  /** The caller if the request carried valid credentials, else null. */
  actor: Actor | null;
}

export interface AuthenticatedContext<P, Q, B> extends BaseContext<P, Q, B> {
  actor: Actor;
  principal: Principal;
}

export interface WorkspaceContext<P, Q, B> extends BaseContext<P, Q, B> {
  /** role is always set here: the caller's role in this workspace. */
  actor: Actor & { role: Role };
  /** The workspace row of `:ws` (id, slug, name, time_zone, currency, private_launched_on, settings). */
  workspace: Workspace;
  /** Contracts with `window: 'range'`: the resolved [from, to). */
  window: DateWindow;
  /** Contracts with `window: 'asOf'`: the resolved exclusive end. */
  asOf: string;
  /** Windowed contracts: how fresh the data is (also added to the answer). */
  freshness: Freshness;
}

/** A declared route, type-erased: what the kit mounts, documents and the isolation matrix walks. */
export interface RouteDefinition extends RouteDocs {
  method: Method;
  path: string;
  access: Access;
  /** True for `/workspaces/:ws/...` routes. */
  inWorkspace: boolean;
  params: AnyObject | undefined;
  query: z.ZodType | undefined;
  body: z.ZodType | undefined;
  response: z.ZodType | undefined;
  status: number;
  middleware: RequestHandler[];
  window: RouteContract['window'];
  defaultDays: RouteContract['defaultDays'];
  cache: RouteContract['cache'];
  /** What else a kept answer depends on besides its cache's versions and the query. */
  cacheKey: ((ctx: InternalContext) => string) | undefined;
  run(ctx: InternalContext): Promise<unknown>;
}

interface InternalContext extends BaseContext<unknown, unknown, unknown> {
  actor: Actor | null;
  principal: Principal | undefined;
  workspace: Workspace | undefined;
  window?: DateWindow;
  asOf?: string;
  freshness?: Freshness;
}

const WORKSPACE_PREFIX = '/workspaces/:ws';

function define(
  spec: RouteContract & {
    middleware?: RequestHandler[] | undefined;
    cacheKey?: RouteDefinition['cacheKey'];
  },
  access: Access,
  run: RouteDefinition['run'],
): RouteDefinition {
  const inWorkspace =
    spec.path === WORKSPACE_PREFIX || spec.path.startsWith(`${WORKSPACE_PREFIX}/`);
  const isRole = access !== 'public' && access !== 'authenticated';
  if (inWorkspace !== isRole) {
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path}: workspace routes name a minimum role as access; other routes are public or authenticated`,
    );
  }
  const params = spec.params as AnyObject | undefined;
  return {
    summary: spec.summary,
    description: spec.description,
    tags: spec.tags,
    openapi: spec.openapi,
    errors: spec.errors,
    method: spec.method,
    path: spec.path,
    access,
    inWorkspace,
    params: inWorkspace ? workspaceParams.extend(params?.shape ?? {}) : params,
    query: spec.query as z.ZodType | undefined,
    body: spec.body as z.ZodType | undefined,
    response: spec.response as z.ZodType | undefined,
    status: spec.response ? (spec.status ?? 200) : 204,
    middleware: spec.middleware ?? [],
    window: spec.window,
    defaultDays: spec.defaultDays,
    cache: spec.cache,
    cacheKey: spec.cacheKey,
    run,
  };
}

type ContextFor<A extends Access, P, Q, B> = A extends Role
  ? WorkspaceContext<{ ws: string } & Extra<P>, Maybe<Q>, Maybe<B>>
  : A extends 'authenticated'
    ? AuthenticatedContext<Maybe<P>, Maybe<Q>, Maybe<B>>
    : PublicContext<Maybe<P>, Maybe<Q>, Maybe<B>>;

export interface ImplementOptions {
  /** Runs after the access checks and before parsing, e.g. `express.raw(...)` for uploads. */
  middleware?: RequestHandler[];
  /**
   * For a kept answer (`cache` in the contract) that also depends on something outside the data,
   * the edits and the query, e.g. the clock: a string that changes when it does.
   */
  cacheKey?: () => string;
}

/**
 * Mounts a handler on a route contract of @yugang/contract: the contract says the method, path,
 * who may call and the schemas; the handler's context and return type follow from it.
 */
export function implement<
  P extends AnyObject | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
  A extends Access,
>(
  contract: RouteContract<P, Q, B, R, A>,
  handler: (ctx: ContextFor<A, P, Q, B>) => Promise<Returns<R>> | Returns<R>,
  options: ImplementOptions = {},
): RouteDefinition {
  return define(
    {
      ...(contract as RouteContract),
      middleware: options.middleware,
      cacheKey: options.cacheKey,
    },
    contract.access,
    async (ctx) => handler(ctx as unknown as ContextFor<A, P, Q, B>),
  );
}

export interface MountOptions {
  handle: DatabaseHandle;
  /**
   * How long the caller, their membership and the workspace's data version are kept in the
   * process (ACCESS_CACHE_MS; recent.ts). 0: asked on every request.
   */
  accessCacheMs?: number;
}

/** What the handlers of one app share: callers, data versions, and forgetting both. */
interface Kit {
  access: AccessResolver;
  version(workspaceId: number): Promise<string>;
  /** The version of the workspace's goals and annotations (`cache: 'data+edits'` routes). */
  edits(workspaceId: number): Promise<string>;
  /** After a change through this app, so that the next request sees it. */
  forget(): void;
  handle: DatabaseHandle;
}

const registered = new WeakMap<Express, readonly RouteDefinition[]>();

/** Every route mounted on an app with mountRoutes (the OpenAPI document and the isolation matrix). */
export function registeredRoutes(app: Express): readonly RouteDefinition[] {
  return registered.get(app) ?? [];
}

/** Builds one Router with every route; remembers the list on the app for registeredRoutes. */
export function mountRoutes(
  app: Express,
  routes: readonly RouteDefinition[],
  { handle, accessCacheMs = 0 }: MountOptions,
): Router {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`route declared twice: ${key}`);
    seen.add(key);
  }
  registered.set(app, [...(registered.get(app) ?? []), ...routes]);
  const access = new AccessResolver(handle.db, accessCacheMs);
  const versions = new Recent<number, string>(accessCacheMs);
  const edits = new Recent<number, string>(accessCacheMs);
  const kit: Kit = {
    access,
    version: (workspaceId) =>
      versions.get(workspaceId, () => readModelVersion(handle.db, workspaceId)),
    edits: (workspaceId) => edits.get(workspaceId, () => editsVersion(handle.db, workspaceId)),
    forget() {
      access.forgetAll();
      versions.clear();
      edits.clear();
    },
    handle,
  };
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, ...expressHandlers(route, kit));
  }
  let document: Record<string, unknown> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument(registeredRoutes(app));
    res.json(document);
  });
  return router;
}

function expressHandlers(route: RouteDefinition, kit: Kit): RequestHandler[] {
  const { access, handle } = kit;
  const authorize: RequestHandler = async (req, res, next) => {
    try {
      // Public routes ignore bad credentials: a stale cookie must not block signing in again.
      const principal =
        route.access === 'public'
          ? await access.principal(req).catch(() => undefined)
          : await access.principal(req);
      let actor: Actor | null = principal ? actorOf(principal) : null;
      let workspace: Workspace | undefined;
      if (route.access !== 'public') {
        if (!principal) throw unauthenticated();
        if (route.inWorkspace) {
          const resolved = await access.workspace(String(req.params.ws), principal);
          workspace = resolved.workspace;
          actor = resolved.actor;
          if (!actor.role || !roleAtLeast(actor.role, route.access as Role)) {
            throw new AppError(
              403,
              'forbidden',
              `this needs the ${route.access} role; you are ${actor.role ?? 'not a member'}`,
            );
          }
        }
      }
      if (principal?.kind === 'user' || route.access === 'public') checkOrigin(req);
      const state: RequestState = { principal, actor, workspace };
      res.locals.yugang = state;
      next();
    } catch (error) {
      next(error);
    }
  };
  const run: RequestHandler = async (req, res, next) => {
    try {
      const state = res.locals.yugang as RequestState;
      const ctx: InternalContext = {
        params: parseInput('params', route.params, req.params),
        query: parseInput('query', route.query, req.query),
        body: parseInput('body', route.body, req.body),
        req,
        res,
        handle,
        db: handle.db,
        actor: state.actor,
        principal: state.principal,
        workspace: state.workspace,
      };
      // One look-up of the data version serves the window's anchor and the kept answer; the
      // edits' version, when the answer depends on it, is asked beside it.
      const ws = state.workspace;
      const [version, edits] = ws
        ? await Promise.all([
            route.window || route.cache ? kit.version(ws.id) : undefined,
            route.cache === 'data+edits' ? kit.edits(ws.id) : '',
          ])
        : [undefined, ''];
      if (route.window && state.workspace) {
        await resolveWindowOf(route, ctx, state.workspace, version);
      }
      const answer = () => answerOf(route, ctx, () => res.headersSent);
      // An answer that depends only on the data and the settings (and, for some, the goals and
      // annotations) is kept per data version, serialised and compressed: a busy dashboard then
      // costs a send from memory (or a 304), not a computation, a schema check, a stringify of
      // up to ~130 KB (cohorts, ltv), its hash and its compression on every request.
      if (route.cache && state.workspace && version !== undefined) {
        const kept = await cachedAnswer(version, edits, state.workspace, route, ctx, answer);
        if (res.headersSent) return;
        if (kept === undefined) res.status(204).end();
        else sendKept(req, res, route.status, kept);
        return;
      }
      const text = await answer();
      if (res.headersSent) return;
      if (text === undefined) {
        res.status(204).end();
        return;
      }
      res.status(route.status).type('application/json').send(text);
    } catch (error) {
      next(error);
    } finally {
      // Before the client can send its next request (that needs another turn of the event
      // loop), so a logout, a revoked key, a new role or an import here count at once.
      if (!SAFE.has(req.method)) kit.forget();
    }
  };
  return [authorize, ...route.middleware, run];
}

/**
 * Runs the handler; the answer checked by the route's response schema and serialised (undefined
 * when the handler sent something itself, or for 204).
 */
async function answerOf(
  route: RouteDefinition,
  ctx: InternalContext,
  sent: () => boolean,
): Promise<string | undefined> {
  const result = await route.run(ctx);
  const value =
    ctx.freshness && result && typeof result === 'object'
      ? { ...result, freshness: ctx.freshness }
      : result;
  if (sent() || !route.response) return undefined;
  const checked = route.response.safeParse(value);
  if (!checked.success) {
    throw new Error(
      `${route.method.toUpperCase()} ${route.path} answered outside its response schema: ${checked.error.message}`,
    );
  }
  return JSON.stringify(checked.data);
}

/** A request the warm-up makes: a route and its query as a URL carries it. */
export interface WarmRequest {
  method: Method;
  path: string;
  query: Record<string, string | number>;
}

/**
 * The warm-up's half of the kit: computes the answer of each kept GET (`cache` in its contract)
 * of a workspace to a request with no query string (the default window, anchored on the latest
 * data day), then to each of `requests` (the pages' first requests, @yugang/contract's
 * `pageRequests`), through
 * the same parsing, window, handler and cache key as that request, so the request finds it kept.
 * One answer at a time; stops before the next when `proceed` (stopped, version moved) says no.
 * Returns the requests warmed, as "path?query".
 */
export async function warmAnswers(
  handle: DatabaseHandle,
  routes: readonly RouteDefinition[],
  workspace: Workspace,
  version: string,
  proceed: () => Promise<boolean>,
  requests: readonly WarmRequest[] = [],
): Promise<string[]> {
  const cached = routes.filter(
    (route) => route.cache !== undefined && route.inWorkspace && route.method === 'get',
  );
  const all = [
    ...cached.map((route) => ({ route, query: {} })),
    ...requests.flatMap((request) => {
      const route = cached.find((r) => r.method === request.method && r.path === request.path);
      // As a URL carries it: the schemas coerce numbers from strings.
      const query = Object.fromEntries(
        Object.entries(request.query).map(([key, value]) => [key, String(value)]),
      );
      return route ? [{ route, query }] : [];
    }),
  ];
  const warmed: string[] = [];
  for (const { route, query } of all) {
    if (!(await proceed())) break;
    const ctx: InternalContext = {
      params: parseInput('params', route.params, { ws: workspace.slug }),
      query: parseInput('query', route.query, query),
      body: undefined,
      // A cached answer depends only on the data, the settings and the query (the contract's
      // promise), so its handler reads neither the request nor the response.
      req: undefined as never,
      res: undefined as never,
      handle,
      db: handle.db,
      actor: null,
      principal: undefined,
      workspace,
    };
    if (route.window) await resolveWindowOf(route, ctx, workspace, version);
    const edits = route.cache === 'data+edits' ? await editsVersion(handle.db, workspace.id) : '';
    await cachedAnswer(version, edits, workspace, route, ctx, () =>
      answerOf(route, ctx, () => false),
    );
    warmed.push(`${route.path}?${new URLSearchParams(query).toString()}`);
  }
  return warmed;
}

/**
 * What a kept answer depends on besides the data and the settings: the parsed query, with the
 * window fields of a windowed route replaced by the resolved window (handlers read only `window`
 * / `asOf`), so `?week=2026-W39`, the same `from`/`to`, and no query at all on the default window
 * share one answer — the page's explicit window finds what the warm-up computed.
 */
function answerQuery(ctx: InternalContext): unknown {
  const query = (ctx.query ?? {}) as Record<string, unknown>;
  if (ctx.window === undefined && ctx.asOf === undefined) return query;
  const { from: _from, to: _to, week: _week, month: _month, asOf: _asOf, ...rest } = query;
  return { ...rest, window: ctx.window ?? null, asOf: ctx.asOf ?? null };
}

/**
 * `edits`: the goals' and annotations' version for `data+edits` routes (a key part, not the
 * entry's version: the cache drops a workspace's entries of other data versions, and the data
 * routes' entries must not go each time a goal changes).
 */
async function cachedAnswer(
  version: string,
  edits: string,
  workspace: Workspace,
  route: RouteDefinition,
  ctx: InternalContext,
  answer: () => Promise<string | undefined>,
): Promise<KeptAnswer | undefined> {
  const parts = [
    `${route.method} ${route.path}`,
    JSON.stringify(answerQuery(ctx)),
    JSON.stringify([workspace.time_zone, workspace.private_launched_on, workspace.settings]),
    edits,
    route.cacheKey?.(ctx) ?? '',
  ];
  const { value } = await answerCache.getAt(
    version,
    workspace.id,
    'answer',
    parts,
    async () => {
      const text = await answer();
      return text === undefined ? undefined : keptAnswer(text);
    },
    keptWeight,
  );
  return value;
}

/** Resolves the contract's window once, anchored on the workspace's latest data day. */
async function resolveWindowOf(
  route: RouteDefinition,
  ctx: InternalContext,
  workspace: Workspace,
  version: string | undefined,
): Promise<void> {
  ctx.freshness = await dataFreshness(ctx.db, workspace.id, version);
  const latestDay = anchorDay(ctx.freshness, workspace);
  const query = ctx.query as Record<string, unknown>;
  try {
    if (route.window === 'asOf') {
      ctx.asOf = resolveAsOf(query, latestDay);
    } else {
      const days =
        typeof route.defaultDays === 'function' ? route.defaultDays(query) : route.defaultDays;
      ctx.window = resolveWindow(query, latestDay, days);
    }
  } catch (error) {
    if (!(error instanceof WindowError)) throw error;
    throw new AppError(400, 'invalid_request', 'the request is not valid', [
      { path: error.path, message: error.message },
    ]);
  }
}

interface RequestState {
  principal: Principal | undefined;
  actor: Actor | null;
  workspace: Workspace | undefined;
}

function parseInput(
  where: 'params' | 'query' | 'body',
  schema: z.ZodType | undefined,
  value: unknown,
): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  throw new AppError(
    400,
    'invalid_request',
    where === 'body' && value === undefined
      ? 'send a JSON body with Content-Type: application/json'
      : `the request ${where === 'body' ? 'body' : where} is not valid`,
    parsed.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: session cookies are SameSite=Lax, so browsers do not send them on cross-site POST,
 * PATCH or DELETE. As a second line, a cookie-authenticated (or public) mutation whose Origin
 * header names another host is refused. Bearer API keys are not sent by browsers on their own
 * and need no check. Clients that send no Origin (curl, scripts) are not affected. The host is
 * Express's `req.host`: the Host header, or X-Forwarded-Host from a trusted (loopback) proxy.
 */
function checkOrigin(req: Request): void {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  // Scheme, host and port must all match (a page on http:// may not post to https://).
  let same: boolean;
  try {
    same = new URL(origin).origin === new URL(`${req.protocol}://${req.host}`).origin;
  } catch {
    same = false;
  }
  if (!same) {
    throw new AppError(403, 'cross_origin', 'cross-origin requests may not change data');
  }
}

/**
 * The route kit: declare a route once, with its zod schemas, summary and who may call it. The
 * same declaration registers the Express handler (inputs parsed by zod once → 400
 * invalid_request) and its operation in the OpenAPI document (GET /api/v1/openapi.json).
 *
 *   export const settingsRoutes = [
 *     workspaceRoute({
 *       method: 'get', path: '/workspaces/:ws/settings', summary: 'Workspace settings',
 *       minRole: 'viewer', response: settingsResponse,
 *       handler: ({ workspace }) => settingsOf(workspace),
 *     }),
 *   ];
 *
 * Checks run in this order, before any input is parsed: credentials (401) → workspace
 * membership (404, the same answer for a workspace that does not exist) → role (403) →
 * cross-origin cookie mutations (403) → the route's middleware → params, query, body (400) →
 * handler. The handler's return value is parsed by `response` (undeclared fields are dropped)
 * and sent as JSON with `status` (default 200); a route without `response` answers 204.
 */
import { Router, type Express, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.js';
import type { Database, Role, Workspace } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import {
  AccessResolver,
  actorOf,
  roleAtLeast,
  unauthenticated,
  type Actor,
  type Principal,
} from './access.js';
import { openApiDocument } from './openapi.js';
import { workspaceParams } from './schemas.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone, any signed-in user or API key, or a minimum role in the workspace. */
export type Access = 'public' | 'authenticated' | Role;

type AnyObject = z.ZodObject;
type Maybe<S> = S extends z.ZodType ? z.output<S> : undefined;
type Extra<P> = P extends z.ZodType ? z.output<P> : Record<never, never>;
type Returns<R> = R extends z.ZodType ? z.input<R> : void;

export interface RouteDocs {
  summary: string;
  description?: string;
  /** OpenAPI tags; default: the feature name taken from the path. */
  tags?: string[];
  /** Error statuses this route answers besides 400/401/403/404, e.g. `{ 409: 'already a member' }`. */
  errors?: Record<number, string>;
  /** Extra OpenAPI operation fields (e.g. a `requestBody` for an upload), merged last. */
  openapi?: Record<string, unknown>;
}

interface SpecBase<P, Q, B, R> extends RouteDocs {
  method: Method;
  path: string;
  /** Path params besides `:ws` (workspace routes get `ws` added). */
  params?: P;
  query?: Q;
  /** JSON body. Leave out for routes that read the request themselves (uploads). */
  body?: B;
  /** The JSON answer; leave out to answer 204 No Content. */
  response?: R;
  /** Success status when there is a response (default 200). */
  status?: number;
  /** Runs after the access checks and before parsing, e.g. `express.raw(...)` for uploads. */
  middleware?: RequestHandler[];
}

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
  run(ctx: InternalContext): Promise<unknown>;
}

interface InternalContext extends BaseContext<unknown, unknown, unknown> {
  actor: Actor | null;
  principal: Principal | undefined;
  workspace: Workspace | undefined;
}

const WORKSPACE_PREFIX = '/workspaces/:ws';

function define(
  spec: SpecBase<unknown, unknown, unknown, unknown>,
  access: Access,
  run: RouteDefinition['run'],
): RouteDefinition {
  const inWorkspace =
    spec.path === WORKSPACE_PREFIX || spec.path.startsWith(`${WORKSPACE_PREFIX}/`);
  const isRole = access !== 'public' && access !== 'authenticated';
  if (inWorkspace !== isRole) {
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path}: workspace routes use workspaceRoute with a minRole; other routes use publicRoute or authenticatedRoute`,
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
    run,
  };
}

/** A route anyone may call (login, health-like reads). */
export function publicRoute<
  P extends AnyObject | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(
  spec: SpecBase<P, Q, B, R> & {
    handler: (ctx: PublicContext<Maybe<P>, Maybe<Q>, Maybe<B>>) => Promise<Returns<R>> | Returns<R>;
  },
): RouteDefinition {
  return define(spec, 'public', async (ctx) =>
    spec.handler(ctx as unknown as PublicContext<Maybe<P>, Maybe<Q>, Maybe<B>>),
  );
}

/** A route for any signed-in user or API key, outside a workspace (e.g. GET /me). */
export function authenticatedRoute<
  P extends AnyObject | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(
  spec: SpecBase<P, Q, B, R> & {
    handler: (
      ctx: AuthenticatedContext<Maybe<P>, Maybe<Q>, Maybe<B>>,
    ) => Promise<Returns<R>> | Returns<R>;
  },
): RouteDefinition {
  return define(spec, 'authenticated', async (ctx) =>
    spec.handler(ctx as unknown as AuthenticatedContext<Maybe<P>, Maybe<Q>, Maybe<B>>),
  );
}

/**
 * A route under `/workspaces/:ws/...`: the caller must belong to the workspace (else 404) and
 * hold at least `minRole` there (else 403). `params` holds `ws` plus whatever you declare.
 */
export function workspaceRoute<
  P extends AnyObject | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(
  spec: SpecBase<P, Q, B, R> & {
    path: `/workspaces/:ws${string}`;
    /** viewer: reads · lead: import, goals, annotations · owner: members, keys, settings. */
    minRole: Role;
    handler: (
      ctx: WorkspaceContext<{ ws: string } & Extra<P>, Maybe<Q>, Maybe<B>>,
    ) => Promise<Returns<R>> | Returns<R>;
  },
): RouteDefinition {
  return define(spec, spec.minRole, async (ctx) =>
    spec.handler(ctx as unknown as WorkspaceContext<{ ws: string } & Extra<P>, Maybe<Q>, Maybe<B>>),
  );
}

export interface MountOptions {
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
  { handle }: MountOptions,
): Router {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`route declared twice: ${key}`);
    seen.add(key);
  }
  registered.set(app, [...(registered.get(app) ?? []), ...routes]);
  const access = new AccessResolver(handle.db);
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, ...expressHandlers(route, access, handle));
  }
  let document: Record<string, unknown> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument(registeredRoutes(app));
    res.json(document);
  });
  return router;
}

function expressHandlers(
  route: RouteDefinition,
  access: AccessResolver,
  handle: DatabaseHandle,
): RequestHandler[] {
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
      const value = await route.run(ctx);
      if (res.headersSent) return;
      if (!route.response) {
        res.status(204).end();
        return;
      }
      const checked = route.response.safeParse(value);
      if (!checked.success) {
        throw new Error(
          `${route.method.toUpperCase()} ${route.path} answered outside its response schema: ${checked.error.message}`,
        );
      }
      res.status(route.status).json(checked.data);
    } catch (error) {
      next(error);
    }
  };
  return [authorize, ...route.middleware, run];
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
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== req.host) {
    throw new AppError(403, 'cross_origin', 'cross-origin requests may not change data');
  }
}

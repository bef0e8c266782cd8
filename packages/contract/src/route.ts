/**
 * A route's contract: method, path, who may call it and its zod schemas. The API's route kit
 * mounts a handler on it (apps/api/src/http/route.ts) and the web's client calls it
 * (apps/web/src/lib/api-client.ts), so a shape is written once and a change to it breaks the
 * type check on both sides.
 */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Role = 'owner' | 'lead' | 'viewer';
/** Who may call: anyone, any signed-in user or API key, or a minimum role in the workspace. */
export type Access = 'public' | 'authenticated' | Role;

export interface RouteContract<
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
  A extends Access = Access,
> {
  method: Method;
  /** Express-style path under /api/v1, e.g. `/workspaces/:ws/metrics/summary`. */
  path: string;
  /** Workspace routes (`/workspaces/:ws/...`) name a minimum role; the others public or authenticated. */
  access: A;
  summary: string;
  description?: string;
  /** OpenAPI tags; default: the feature name taken from the path. */
  tags?: string[];
  /** Path params besides `:ws` (workspace routes get `ws` added by the kit). */
  params?: P;
  query?: Q;
  /** JSON body. Left out for routes that read the request themselves (uploads). */
  body?: B;
  /** The JSON answer; left out for 204 No Content (or a file the handler streams). */
  response?: R;
  /** Success status when there is a response (default 200). */
  status?: number;
  /** Error statuses this route answers besides 400/401/403/404, e.g. `{ 409: 'already a member' }`. */
  errors?: Record<number, string>;
  /** Extra OpenAPI operation fields (e.g. a `requestBody` for an upload), merged last. */
  openapi?: Record<string, unknown>;
  /**
   * The route reads a date window (`windowQuery`: from/to, week, month) or an exclusive end
   * (`asOfQuery`); the API resolves it once, anchored on the latest data day, and adds
   * `freshness` to the answer.
   */
  window?: 'range' | 'asOf';
  /**
   * `'data'`: the answer depends only on the workspace's data, its settings and the query (not on
   * goals, annotations or who asks), so the API keeps it serialised per data version.
   * `'data+edits'`: also on the workspace's goals and annotations, which people change without a
   * new data version; kept per data version and per version of those edits.
   */
  cache?: 'data' | 'data+edits';
  /** For `window: 'range'`: the default window's length in days (default 28). */
  defaultDays?: number | ((query: Record<string, unknown>) => number);
}

/** Declares a route contract, keeping its schema types for both sides. */
export function defineRoute<
  A extends Access,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(contract: RouteContract<P, Q, B, R, A>): RouteContract<P, Q, B, R, A> {
  return contract;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a client receives from a route (the parsed response), or void for 204. */
export type ResponseOf<C> =
  C extends RouteContract<infer _P, infer _Q, infer _B, infer R>
    ? R extends z.ZodType
      ? z.output<R>
      : void
    : never;
/** What a client sends in the query string (before defaults are applied). */
export type QueryOf<C> = C extends RouteContract<infer _P, infer Q> ? In<Q> : never;
/** The JSON body a client sends. */
export type BodyOf<C> = C extends RouteContract<infer _P, infer _Q, infer B> ? In<B> : never;
/** Path params besides `ws`. */
export type ParamsOf<C> = C extends RouteContract<infer P> ? Out<P> : never;

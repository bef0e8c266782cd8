/**
 * One client for the API, typed from the shared contract: `apiCall(contract.summary.get,
 * { params: { ws }, query })` answers `ResponseOf<typeof contract.summary.get>`. Error bodies
 * `{ error: { code, message } }` become ApiError; every call takes an AbortSignal.
 */
import type { BodyOf, QueryOf, ResponseOf, RouteContract } from '@yugang/contract';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CallOptions<C> {
  params?: Record<string, string | number>;
  query?: QueryOf<C>;
  body?: BodyOf<C>;
  signal?: AbortSignal;
}

export const API_BASE = '/api/v1';

/** `/workspaces/:ws/goals/:goalId` with `{ ws: 'demo', goalId: 3 }` → `/workspaces/demo/goals/3`. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** Query values as a query string, leaving out undefined; '' when there are none. */
export function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL of a route, e.g. for a download link. */
export function apiUrl<C extends RouteContract>(contract: C, options: CallOptions<C> = {}): string {
  return `${API_BASE}${fillPath(contract.path, options.params)}${queryString(options.query)}`;
}

export async function apiCall<C extends RouteContract>(
  contract: C,
  options: CallOptions<C> = {},
): Promise<ResponseOf<C>> {
  const hasBody = options.body !== undefined;
  const response = await fetch(apiUrl(contract, options), {
    method: contract.method.toUpperCase(),
    credentials: 'same-origin',
    headers: hasBody ? { 'content-type': 'application/json' } : undefined,
    body: hasBody ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
  });
  if (response.status === 204) return undefined as ResponseOf<C>;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? response.statusText,
    );
  }
  return body as ResponseOf<C>;
}

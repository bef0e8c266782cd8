import { z } from 'zod';
import { errorBody } from '@yugang/contract';

/**
 * OpenAPI 3.1 from the route kit's declarations, using zod 4's own `z.toJSONSchema` (OpenAPI
 * 3.1 schemas are JSON Schema 2020-12), so there is no extra dependency. Each operation carries
 * `x-min-role` (public | authenticated | viewer | lead | owner).
 */
type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid request (code invalid_request, invalid_json, …)',
  '401': 'No or bad credentials',
  '403': 'The role is not enough, or a cross-origin mutation',
  '404': 'Not found; also a workspace you are not a member of',
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/**
 * What the document reads of a declared route: route.ts's RouteDefinition, restated here so that
 * route.ts (which serves the document) and this module do not import each other.
 */
export interface DocumentedRoute {
  method: string;
  path: string;
  access: string;
  status: number;
  params?: z.ZodType | undefined;
  query?: z.ZodType | undefined;
  body?: z.ZodType | undefined;
  response?: z.ZodType | undefined;
  summary: string;
  description?: string | undefined;
  tags?: string[] | undefined;
  errors?: Record<number, string> | undefined;
  openapi?: Record<string, unknown> | undefined;
}

export function openApiDocument(routes: readonly DocumentedRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    responses[String(route.status)] = route.response
      ? {
          description: 'OK',
          content: { 'application/json': { schema: toSchema(route.response, 'output') } },
        }
      : { description: 'No content' };
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      if (status === '401' && route.access === 'public') continue;
      if (status === '403' && route.access === 'public' && route.method === 'get') continue;
      responses[status] = errorResponse(description);
    }
    for (const [status, description] of Object.entries(route.errors ?? {})) {
      responses[status] = errorResponse(description);
    }
    const feature = route.path.replace(/^\/workspaces\/:ws/, '').split('/')[1] ?? 'api';
    const operation: Record<string, unknown> = {
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags ?? [feature],
      'x-min-role': route.access,
      security: route.access === 'public' ? [] : [{ sessionCookie: [] }, { bearerApiKey: [] }],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
      ...route.openapi,
    };
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Yugang 鱼缸 API',
      version: '1',
      description:
        'Private-domain operating dashboard. Authenticate with the session cookie from POST /auth/login or with `Authorization: Bearer yg_…` (an API key acts in its own workspace as a lead, or as a viewer when read-only). A workspace you are not a member of answers 404. Money in every body and answer is yuan (CNY) as a number with at most two decimals (¥12,345.67 is 12345.67); rates are fractions (0.25 = 25 %); dates are local YYYY-MM-DD in the workspace time zone and windows are half-open [from, to). Windowed answers carry `freshness`: the latest data day their defaults anchor on and when the data last changed.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { Error: toSchema(errorBody, 'output') },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'yg_session' },
        bearerApiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'yg_…' },
      },
    },
  };
}

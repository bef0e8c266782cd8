import { METRIC_IDS } from '@yugang/metrics';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from './index.js';
import type { RouteContract } from './route.js';

/**
 * The catalog ids an answer serves: named on a figure's schema (`x-metric`, or `x-metrics` for a
 * block of them), or as the keys or enum values of the answer (summary's metrics are keyed by id).
 */
function servedIds(schema: unknown, into: Set<string>): void {
  if (Array.isArray(schema)) {
    for (const item of schema) servedIds(item, into);
    return;
  }
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (typeof node['x-metric'] === 'string') into.add(node['x-metric']);
  if (Array.isArray(node['x-metrics'])) for (const id of node['x-metrics']) into.add(String(id));
  if (Array.isArray(node.enum)) for (const value of node.enum) into.add(String(value));
  for (const value of Object.values(node)) servedIds(value, into);
}

function allRoutes(): RouteContract[] {
  return Object.values(contract).flatMap((feature) => Object.values(feature) as RouteContract[]);
}

describe('the catalog and the contract', () => {
  it('when every answer is read, then no catalog id is left unserved', () => {
    const served = new Set<string>();
    for (const route of allRoutes()) {
      if (route.response)
        servedIds(z.toJSONSchema(route.response, { io: 'output', unrepresentable: 'any' }), served);
    }
    const unserved = METRIC_IDS.filter((id) => !served.has(id));
    expect(unserved).toEqual([]);
  });

  it('when a route is declared, then its method and path are unique', () => {
    const keys = allRoutes().map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

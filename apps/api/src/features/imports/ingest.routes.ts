import { ingestContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { importRows } from './imports.runner.js';
import type { DashboardWarmer } from '../../warm-up/dashboard-warmer.js';
import { jsonSource } from './json-source.js';

/**
 * Programmatic ingest: a JSON array of rows with the same field names as the import files
 * (docs/imports.md), for an API key (or a lead). Idempotent by external id like a re-import;
 * the same checks and the same error format; one transaction per call.
 */
export function ingestRoutes(
  options: { warmer?: DashboardWarmer | undefined } = {},
): RouteDefinition[] {
  return [
    implement(ingestContract.ingest, async ({ handle, workspace, actor, params, query, body }) => {
      const rows = {
        workspace,
        kind: params.kind,
        source: jsonSource(body),
        fileName: `ingest (${body.length} rows)`,
        dryRun: query.dryRun,
        actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
      };
      return { import: await importRows(handle, rows, options.warmer) };
    }),
  ];
}

import { ingestContract } from '@yugang/contract';
import { importFailure } from './import-errors.js';
import { z } from 'zod';
import { implement, type RouteDefinition } from '../../http/route.js';
import { landed, runImport } from './imports.service.js';
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
      const result = await runImport(handle, {
        workspace,
        kind: params.kind,
        source: jsonSource(body),
        fileName: `ingest (${body.length} rows)`,
        dryRun: query.dryRun,
        actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
      });
      if (result.status === 'rejected' || result.status === 'failed') throw importFailure(result);
      if (landed(result)) options.warmer?.schedule(workspace.id);
      return { import: result };
    }),
  ];
}

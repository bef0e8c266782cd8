import { z } from 'zod';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { importFailure, importKind, importResponse } from '../imports/imports.schema.js';
import { landed, runImport } from '../imports/imports.service.js';
import type { DashboardWarmer } from '../warm-up/dashboard-warmer.js';
import { jsonSource } from './json-source.js';

export const MAX_INGEST_ROWS = 10_000;

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const ingestBody = z
  .array(z.record(z.string(), cell))
  .min(1, 'send at least one row')
  .max(MAX_INGEST_ROWS, `at most ${MAX_INGEST_ROWS} rows per call; split larger loads`);

/**
 * Programmatic ingest: a JSON array of rows with the same field names as the import files
 * (docs/imports.md), for an API key (or a lead). Idempotent by external id like a re-import;
 * the same checks and the same error format; one transaction per call.
 */
export function ingestRoutes(
  options: { warmer?: DashboardWarmer | undefined } = {},
): RouteDefinition[] {
  return [
    workspaceRoute({
      method: 'post',
      path: '/workspaces/:ws/ingest/:kind',
      summary: 'Ingest up to 10,000 rows of one kind as JSON (idempotent by external id)',
      description:
        'Body: a JSON array of objects keyed by the column names of docs/imports.md, e.g. ' +
        '[{"order_id":"O1","customer_id":"C1","channel":"tmall","ordered_at":"2024-03-01 10:00",' +
        '"amount":"99.00"}]. Amounts in yuan (string or number), times in the workspace time ' +
        'zone unless they carry an offset. Rejected rows answer 422 with line = position in ' +
        'the array (1-based).',
      minRole: 'lead',
      params: z.object({ kind: importKind }),
      query: z.object({
        dryRun: z
          .enum(['true', 'false', '1', '0'])
          .optional()
          .transform((v) => v === 'true' || v === '1'),
      }),
      body: ingestBody,
      response: importResponse,
      handler: async ({ handle, workspace, actor, params, query, body }) => {
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
      },
    }),
  ];
}

import { z } from 'zod';
import { defineRoute } from './route.js';
import { importKind, importResponse } from './imports.js';

export const MAX_INGEST_ROWS = 10_000;

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ingestBody = z
  .array(z.record(z.string(), cell))
  .min(1, 'send at least one row')
  .max(MAX_INGEST_ROWS, `at most ${MAX_INGEST_ROWS} rows per call; split larger loads`);

export const ingestContract = {
  ingest: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/ingest/:kind',
    access: 'lead',
    summary: 'Ingest up to 10,000 rows of one kind as JSON (idempotent by external id)',
    description:
      'Body: a JSON array of objects keyed by the column names of docs/imports.md, e.g. ' +
      '[{"order_id":"O1","customer_id":"C1","channel":"tmall","ordered_at":"2024-03-01 10:00",' +
      '"amount":"99.00"}]. Amounts in yuan (string or number), times in the workspace time ' +
      'zone unless they carry an offset. Rejected rows answer 422 with line = position in ' +
      'the array (1-based).',
    params: z.object({ kind: importKind }),
    query: z.object({
      dryRun: z
        .enum(['true', 'false', '1', '0'])
        .optional()
        .transform((v) => v === 'true' || v === '1'),
    }),
    body: ingestBody,
    response: importResponse,
  }),
};

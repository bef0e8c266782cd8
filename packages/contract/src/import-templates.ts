import { z } from 'zod';
import { defineRoute } from './route.js';
import { importKind } from './imports.js';

const params = z.object({ kind: importKind });

/** Example files with the Chinese column names a brand's own sheets use, one per import kind. */
export const importTemplatesContract = {
  csv: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports/templates/:kind.csv',
    access: 'viewer',
    summary: 'A sample file of one import kind as CSV (Chinese headers, a few example rows)',
    params,
  }),
  xlsx: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/imports/templates/:kind.xlsx',
    access: 'viewer',
    summary: 'A sample file of one import kind as XLSX (Chinese headers, a few example rows)',
    params,
  }),
};

/**
 * Sample files to download from the data page: for each import kind a few rows under the Chinese
 * column names brands use (templates/<kind>.csv, the same files the import tests load), served as
 * CSV or XLSX so a lead can fill the sheet in and upload it as it is.
 */
import { fileURLToPath } from 'node:url';
import { importTemplatesContract, XLSX_TYPE, type ImportKindName } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { writeCsv, writeXlsx, type TableView } from '../../lib/table-export.js';
import { DEFAULT_LIMITS } from './limits.js';
import { fileSource } from './source.js';

const templatePath = (kind: ImportKindName) =>
  fileURLToPath(new URL(`./templates/${kind}.csv`, import.meta.url));

/** A template file as a table: its header row as the columns, its other rows as rows. */
export async function templateView(kind: ImportKindName): Promise<TableView<string[]>> {
  const source = await fileSource(templatePath(kind), DEFAULT_LIMITS);
  const rows: string[][] = [];
  for await (const batch of source.batches) for (const row of batch) rows.push(row.cells);
  const [header = [], ...data] = rows;
  return {
    columns: header.map((label, i) => ({ label, value: (row: string[]) => row[i] ?? '' })),
    rows: data,
  };
}

export function importTemplatesRoutes(): RouteDefinition[] {
  return (['csv', 'xlsx'] as const).map((format) =>
    implement(importTemplatesContract[format], async ({ params, res }) => {
      const view = await templateView(params.kind);
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${params.kind}.${format}"`);
      if (format === 'csv') await writeCsv(res, view);
      else await writeXlsx(res, view, params.kind);
      res.end();
    }),
  );
}

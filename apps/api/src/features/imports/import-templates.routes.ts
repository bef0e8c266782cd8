/**
 * Sample files to download from the data page: for each import kind a few rows under the Chinese
 * column names brands use (import-templates.ts, the rows the import tests load), served as
 * CSV or XLSX so a lead can fill the sheet in and upload it as it is.
 */
import { importTemplatesContract, XLSX_TYPE, type ImportKindName } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { writeCsv, writeXlsx, type TableView } from '../../lib/table-export.js';
import { CsvParser, type SourceRow } from './csv.js';
import { IMPORT_TEMPLATES } from './import-templates.js';
import { DEFAULT_LIMITS } from './limits.js';

/** A template as a table: its header row as the columns, its other rows as rows. */
export function templateView(kind: ImportKindName): TableView<string[]> {
  const parser = new CsvParser(',', DEFAULT_LIMITS.maxLineChars, DEFAULT_LIMITS.maxColumns);
  const records: SourceRow[] = [];
  parser.push(IMPORT_TEMPLATES[kind], records);
  parser.finish(records);
  const [header = [], ...data] = records.map((r) => r.cells);
  return {
    columns: header.map((label, i) => ({ label, value: (row: string[]) => row[i] ?? '' })),
    rows: data,
  };
}

export function importTemplatesRoutes(): RouteDefinition[] {
  return (['csv', 'xlsx'] as const).map((format) =>
    implement(importTemplatesContract[format], async ({ params, res }) => {
      const view = templateView(params.kind);
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${params.kind}.${format}"`);
      if (format === 'csv') await writeCsv(res, view);
      else await writeXlsx(res, view, params.kind);
      res.end();
    }),
  );
}

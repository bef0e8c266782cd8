/**
 * The preview of a file before it is imported: the kind and preset detected, each column of the
 * file and the field it lands in (with suggestions for the unmapped ones), the first rows as they
 * will land (money in yuan, phones as their hash) and the problems in them. Reads at most the
 * first PREVIEW_SOURCE_ROWS rows; writes nothing but the workspace's hash key on first use.
 */
import { SKIP_REASONS } from '@yugang/contract';
import type { Kysely } from 'kysely';
import type { Database, ImportRowError, Workspace } from '../../../db/schema.js';
import type { SourceRow } from '../csv.js';
import { mapHeader, normaliseHeader, type HeaderMap } from '../header-map.js';
import { idHasher, identityKey } from '../identity.js';
import { ImportFileError } from '../import-errors.js';
import {
  FIELD_PARSERS,
  IMPORT_KINDS,
  KIND_SPECS,
  type ImportKind,
  type KindSpec,
} from '../kinds/index.js';
import type { RowSource } from '../source.js';
import { ValueError, type Instant } from '../values.js';
import { readWithPreset, type ColumnMapping } from './preset-source.js';

export const PREVIEW_SOURCE_ROWS = 5000;

type Value = string | number | boolean | null;

export interface ImportPreview {
  kind: ImportKind | null;
  preset: string | null;
  presetLabel: { zh: string; en: string } | null;
  mapping: string | null;
  format: RowSource['format'];
  encoding: string | null;
  headerLine: number;
  columns: { header: string; field: string | null; suggestions: string[] }[];
  fields: { name: string; type: string; required: boolean; present: boolean }[];
  rows: { line: number; values: Record<string, Value> }[];
  errors: ImportRowError[];
  skipped: { code: keyof typeof SKIP_REASONS; reason: string; reasonZh: string; rows: number }[];
  sourceRows: number;
  truncated: boolean;
}

export interface PreviewOptions {
  kind?: ImportKind | undefined;
  preset?: string | undefined;
  mapping?: ColumnMapping | undefined;
  channel?: string | undefined;
  rows: number;
}

export async function previewFile(
  db: Kysely<Database>,
  workspace: Workspace,
  source: RowSource,
  options: PreviewOptions,
): Promise<ImportPreview> {
  let truncated = false;
  async function* limited(): AsyncGenerator<SourceRow[]> {
    let seen = 0;
    for await (const batch of source.batches) {
      if (seen + batch.length > PREVIEW_SOURCE_ROWS) {
        truncated = true;
        yield batch.slice(0, PREVIEW_SOURCE_ROWS - seen);
        return;
      }
      seen += batch.length;
      yield batch;
    }
  }
  const read = await readWithPreset(limited(), {
    kind: options.kind,
    preset: options.preset,
    mapping: options.mapping,
    channel: options.channel,
    timeZone: workspace.time_zone,
  });
  const rows: SourceRow[] = [];
  let header: string[] | null = null;
  let dataRows = 0;
  for await (const batch of read.batches) {
    for (const row of batch) {
      if (header === null) {
        header = row.cells;
        continue;
      }
      dataRows++;
      if (rows.length < options.rows) rows.push(row);
    }
  }
  const info = read.info;
  if (header === null) throw new ImportFileError('empty_file', 'the file is empty');
  const fileHeader = info.preset || info.mapping ? info.header : header;
  const kind = info.kind ?? options.kind ?? detectKind(header);
  const errors: ImportRowError[] = [];
  const base = {
    preset: info.preset?.name ?? null,
    presetLabel: info.preset?.label ?? null,
    mapping: info.mapping,
    format: source.format,
    encoding: source.encoding ?? null,
    headerLine: info.headerLine,
    skipped: [...info.skipped].map(([code, n]) => ({
      code,
      reason: SKIP_REASONS[code].en,
      reasonZh: SKIP_REASONS[code].zh,
      rows: n,
    })),
    sourceRows: info.preset || info.mapping ? info.sourceRows : dataRows,
    truncated,
  };
  if (kind === null) {
    return {
      ...base,
      kind: null,
      columns: fileHeader.map((h) => ({
        header: h.trim(),
        field: null,
        suggestions: suggest(Object.values(KIND_SPECS), h, new Set()),
      })),
      fields: [],
      rows: [],
      errors: [
        {
          line: info.headerLine,
          column: null,
          reason:
            'no import kind or platform preset matches this header: choose a kind and map the columns',
        },
      ],
    };
  }
  const spec = KIND_SPECS[kind];
  let map: HeaderMap | null = null;
  try {
    map = mapHeader(spec, header);
    const labels = map.labels.map((label, i) => info.labels[spec.fields[i]!.name] ?? label);
    map.labels = labels;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    errors.push({ line: info.headerLine, column: error.at.column, reason: error.message });
  }
  const fieldOf = columnFields(
    spec,
    fileHeader,
    info.labels,
    info.preset !== null || info.mapping !== null,
  );
  const mapped = new Set(fieldOf.filter((f): f is string => f !== null));
  const hash = idHasher(await identityKey(db, workspace.id));
  return {
    ...base,
    kind,
    columns: fileHeader.map((h, i) => ({
      header: h.trim(),
      field: fieldOf[i] ?? null,
      suggestions: fieldOf[i] ? [] : suggest([spec], h, mapped),
    })),
    fields: spec.fields.map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required,
      present: map?.present.has(f.name) ?? false,
    })),
    rows: map ? rows.map((row) => landed(spec, map, row, hash, errors)) : [],
    errors,
  };
}

/** The field each column of the file lands in. */
function columnFields(
  spec: KindSpec,
  header: readonly string[],
  labels: Record<string, string>,
  translated: boolean,
): (string | null)[] {
  if (translated) {
    const byLabel = new Map(Object.entries(labels).map(([field, label]) => [label, field]));
    return header.map((h) => byLabel.get(h.trim()) ?? null);
  }
  const lookup = new Map<string, string>();
  for (const f of spec.fields)
    for (const n of [f.name, ...f.aliases]) lookup.set(normaliseHeader(n), f.name);
  return header.map((h) => lookup.get(normaliseHeader(h.trim())) ?? null);
}

/** The kind whose required columns the header has, matching the most columns. */
export function detectKind(header: readonly string[]): ImportKind | null {
  let best: { kind: ImportKind; score: number } | null = null;
  const cells = new Set(header.map((h) => normaliseHeader(h.trim())));
  for (const kind of IMPORT_KINDS) {
    const spec = KIND_SPECS[kind];
    const has = (f: KindSpec['fields'][number]) =>
      [f.name, ...f.aliases].some((n) => cells.has(normaliseHeader(n)));
    if (!spec.fields.every((f) => !f.required || has(f))) continue;
    const score = spec.fields.filter(has).length;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind ?? null;
}

/** Up to 3 fields whose names share text with the header (金额 → amount …). */
function suggest(specs: readonly KindSpec[], header: string, taken: Set<string>): string[] {
  const key = normaliseHeader(header.trim());
  if (key.length < 2) return [];
  const found: string[] = [];
  for (const spec of specs) {
    for (const f of spec.fields) {
      if (taken.has(f.name) || found.includes(f.name)) continue;
      const names = [f.name, ...f.aliases].map(normaliseHeader);
      if (names.some((n) => n.length >= 2 && (key.includes(n) || n.includes(key)))) {
        found.push(f.name);
      }
    }
  }
  return found.slice(0, 3);
}

/** One row as it will land: each field's value, or null with its problem recorded. */
function landed(
  spec: KindSpec,
  map: HeaderMap,
  row: SourceRow,
  hash: (text: string) => string,
  errors: ImportRowError[],
): { line: number; values: Record<string, Value> } {
  const values: Record<string, Value> = {};
  spec.fields.forEach((field, i) => {
    const at = map.indexes[i]!;
    if (at < 0) return;
    const text = (row.cells[at] ?? '').trim();
    if (text === '') {
      values[field.name] = null;
      if (field.required)
        errors.push({ line: row.line, column: map.labels[i]!, reason: 'is empty' });
      return;
    }
    try {
      const value = FIELD_PARSERS[field.type](
        field.type === 'id' || field.type === 'phone' ? hash(text) : text,
      );
      values[field.name] = shown(field.type, value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      values[field.name] = null;
      errors.push({ line: row.line, column: map.labels[i]!, reason: error.message });
    }
  });
  const problem = spec.rowCheck?.((name) => {
    const v = values[name];
    return typeof v === 'number' &&
      spec.fields.find((f) => f.name === name)?.type.startsWith('money')
      ? Math.round(v * 100)
      : (v ?? null);
  });
  if (problem) {
    const i = spec.fields.findIndex((f) => f.name === problem.field);
    errors.push({ line: row.line, column: map.labels[i] ?? problem.field, reason: problem.reason });
  }
  return { line: row.line, values };
}

function shown(type: string, value: unknown): Value {
  if (type === 'money' || type === 'money_nonneg') return (value as number) / 100;
  if (type === 'instant') {
    const instant = value as Instant;
    return instant.local ?? instant.absolute;
  }
  return value as Value;
}

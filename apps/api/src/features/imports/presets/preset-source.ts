/**
 * Reads a platform export (or a file with a saved column mapping) as rows of one of our kinds:
 * finds the header row below any title rows, detects the preset from it (or uses the one named),
 * cleans each cell (="…", a leading tab or apostrophe), turns each row into our fields or skips
 * it with a counted reason, and folds sub-order or per-staff rows into one. A file no preset
 * matches is passed through untouched (our own column names).
 */
import type { SourceRow } from '../csv.js';
import { normaliseHeader } from '../header-map.js';
import { ImportFileError } from '../import-errors.js';
import { KIND_SPECS, type ImportKind } from '../kinds/index.js';
import { cleanCell, parseInstant, parseMoney, plainAmount } from '../values.js';
import { detectPreset, matchColumns, missingColumns, ownColumns } from './detect.js';
import { findPreset, PRESET_NAMES, PRESETS } from './index.js';
import type { ChannelDefinition, FoldSpec, Preset, PresetContext, SkipReason } from './preset.js';

/** A saved mapping: the file's header text → our field, for one kind. */
export interface ColumnMapping {
  name: string;
  kind: ImportKind;
  columns: Record<string, string>;
}

export interface ReadOptions {
  /** The kind the caller wants: only its presets are detected. */
  kind?: ImportKind | undefined;
  /** A preset by name; 'none' reads the file with our own column names. */
  preset?: string | undefined;
  mapping?: ColumnMapping | undefined;
  /** Books orders (and new buyers) to this channel instead of the preset's. */
  channel?: string | undefined;
  timeZone: string;
}

export interface ReadInfo {
  preset: Preset | null;
  mapping: string | null;
  /** The kind the rows are (the preset's or mapping's; null: the file's own columns). */
  kind: ImportKind | null;
  headerLine: number;
  /** The header row as the file writes it. */
  header: string[];
  /** For each of our fields, the file's column its values (and errors) come from. */
  labels: Record<string, string>;
  /** Positions of the header cells a preset reads (the others are reported as ignored). */
  read?: ReadonlySet<number>;
  skipped: Map<SkipReason, number>;
  /** Source data rows read (before folding and skipping). */
  sourceRows: number;
  /** The channel new buyers are acquired through (orders presets): created when missing. */
  channel: ChannelDefinition | null;
}

export interface PresetRows {
  batches: AsyncIterable<SourceRow[]>;
  info: ReadInfo;
}

/** Rows looked at for a header below title rows. */
const HEADER_SEARCH_ROWS = 30;

const SUMMARY = /^(合计|总计|汇总|小计|共计|统计|total|sum)/i;
/** A cell holding only a dash placeholder (—, ——, -, --): no value. */
const DASHES = /^[-—–]+$/;

export async function readWithPreset(
  batches: AsyncIterable<SourceRow[]>,
  options: ReadOptions,
): Promise<PresetRows> {
  const iterator = batches[Symbol.asyncIterator]();
  const head: SourceRow[] = [];
  let done = false;
  while (head.length < HEADER_SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(...next.value);
  }
  // Title rows (one filled cell) above a header of our own columns are left out too.
  const filled = (row: SourceRow) => row.cells.filter((c) => c.trim() !== '').length;
  const titleRows = head.findIndex((row) => filled(row) >= 2);
  const body = titleRows > 0 ? head.slice(titleRows) : head;
  const plain: PresetRows = {
    batches: replay(body, iterator, done),
    info: {
      preset: null,
      mapping: null,
      kind: null,
      headerLine: body[0]?.line ?? 1,
      header: body[0]?.cells ?? [],
      labels: {},
      skipped: new Map(),
      sourceRows: 0,
      channel: null,
    },
  };
  if (head.length === 0 || options.preset === 'none') return plain;

  if (options.mapping) return mapped(head, iterator, done, options.mapping);

  let forced: Preset | undefined;
  if (options.preset) {
    forced = findPreset(options.preset);
    if (!forced) {
      throw new ImportFileError(
        'unknown_preset',
        `unknown preset ${options.preset} (${PRESET_NAMES.join(', ')})`,
      );
    }
    if (options.kind && forced.kind !== options.kind) {
      throw new ImportFileError(
        'preset_kind_mismatch',
        `the ${forced.name} preset reads ${forced.kind} files, not ${options.kind}`,
      );
    }
  }
  const candidates = forced
    ? [forced]
    : PRESETS.filter((p) => !options.kind || p.kind === options.kind);
  const searched = head.slice(0, HEADER_SEARCH_ROWS);
  for (let at = 0; at < searched.length; at++) {
    const found = detectPreset(candidates, searched[at]!.cells);
    if (!found) continue;
    const { preset, columns } = found;
    // A file in our own layout is read as it is when our columns explain it as well as the
    // preset's do (a WeCom list with a 客户ID column is still a WeCom list).
    const own = options.kind ? [KIND_SPECS[options.kind]] : Object.values(KIND_SPECS);
    if (!forced && own.some((spec) => ownColumns(spec, searched[at]!.cells) >= columns.size)) {
      return plain;
    }
    const ctx: PresetContext = {
      channel: options.channel ?? preset.channel?.code ?? '',
      timeZone: options.timeZone,
    };
    const info: ReadInfo = {
      preset,
      mapping: null,
      kind: preset.kind,
      headerLine: searched[at]!.line,
      header: searched[at]!.cells,
      labels: labelsOf(preset, columns, searched[at]!.cells),
      read: new Set(columns.values()),
      skipped: new Map(),
      sourceRows: 0,
      channel: options.channel ? null : (preset.channel ?? null),
    };
    const rows = replay(head.slice(at + 1), iterator, done);
    return { batches: presetRows(preset, columns, ctx, rows, info), info };
  }
  if (forced) {
    const best = searched.reduce(
      (a, row) =>
        matchColumns(forced, row.cells).size > matchColumns(forced, a.cells).size ? row : a,
      searched[0]!,
    );
    throw new ImportFileError(
      'invalid_header',
      `this is not a ${forced.label.en} (${forced.label.zh}) file: no header row has ` +
        missingColumns(forced, best.cells).join(', '),
      { line: best.line, column: null },
    );
  }
  return plain;
}

function labelsOf(
  preset: Preset,
  columns: Map<string, number>,
  header: readonly string[],
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field of preset.outputs) {
    const column = preset.sources[field] ?? field;
    const at = columns.get(column);
    labels[field] = at === undefined ? (preset.columns[column]?.[0] ?? field) : header[at]!.trim();
  }
  return labels;
}

async function* replay(
  first: SourceRow[],
  rest: AsyncIterator<SourceRow[]>,
  done: boolean,
): AsyncGenerator<SourceRow[]> {
  if (first.length > 0) yield first;
  if (done) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function count(info: ReadInfo, reason: SkipReason): void {
  info.skipped.set(reason, (info.skipped.get(reason) ?? 0) + 1);
}

/** A row that is not data: a total line or a note under the table. */
function isSummary(cells: readonly string[], keyAt: number | undefined): boolean {
  const key = keyAt === undefined ? '' : cleanCell(cells[keyAt] ?? '');
  if (SUMMARY.test(key)) return true;
  if (key !== '') return false;
  const filled = cells.map(cleanCell).filter((c) => c !== '');
  return filled.length <= 2 || filled.some((c) => SUMMARY.test(c));
}

async function* presetRows(
  preset: Preset,
  columns: Map<string, number>,
  ctx: PresetContext,
  rows: AsyncIterable<SourceRow[]>,
  info: ReadInfo,
): AsyncGenerator<SourceRow[]> {
  yield [{ line: info.headerLine, cells: [...preset.outputs] }];
  const keyAt = columns.get(preset.required[0]!);
  const folded = preset.fold ? new Map<string, SourceRow>() : null;
  const fold = preset.fold;
  const outputs = preset.outputs;
  let cells: readonly string[] = [];
  const get = (column: string) => {
    const at = columns.get(column);
    const value = at === undefined ? '' : cleanCell(cells[at] ?? '');
    // Youzan writes —— in a cell it has nothing for.
    return DASHES.test(value) ? '' : value;
  };
  for await (const batch of rows) {
    const out: SourceRow[] = [];
    for (const row of batch) {
      cells = row.cells;
      if (cells.every((c) => c.trim() === '')) continue;
      info.sourceRows++;
      if (isSummary(cells, keyAt)) {
        count(info, 'summary_row');
        continue;
      }
      const result = preset.toRow(get, ctx);
      if ('skip' in result) {
        count(info, result.skip);
        continue;
      }
      const converted: SourceRow = {
        line: row.line,
        cells: outputs.map((field) => result.fields[field] ?? ''),
      };
      if (!folded || !fold) {
        out.push(converted);
        continue;
      }
      const key = result.fields[fold.key] ?? '';
      const before = key === '' ? undefined : folded.get(key);
      if (before) {
        mergeInto(before, converted, fold, outputs);
        count(info, fold.skip);
      } else {
        folded.set(key === '' ? `\u0000${row.line}` : key, converted);
      }
    }
    if (out.length > 0) yield out;
  }
  if (folded) {
    let out: SourceRow[] = [];
    for (const row of folded.values()) {
      out.push(row);
      if (out.length >= 1000) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  }
}

/** Adds a later row of the same order or customer into the first one. */
function mergeInto(
  into: SourceRow,
  row: SourceRow,
  fold: FoldSpec,
  outputs: readonly string[],
): void {
  const at = (field: string) => outputs.indexOf(field);
  for (const field of fold.sum ?? []) {
    const i = at(field);
    into.cells[i] = addYuan(into.cells[i]!, row.cells[i]!);
  }
  for (const field of fold.min ?? []) {
    const i = at(field);
    if (earlier(row.cells[i]!, into.cells[i]!)) into.cells[i] = row.cells[i]!;
  }
  for (const field of fold.any ?? []) {
    const i = at(field);
    if (row.cells[i] === 'true') into.cells[i] = 'true';
  }
  if (fold.status) {
    const i = at(fold.status);
    if (into.cells[i] === 'cancelled' && row.cells[i] !== 'cancelled')
      into.cells[i] = row.cells[i]!;
  }
}

/** Two amounts in yuan added (an unreadable one is kept, so its row error is reported). */
function addYuan(a: string, b: string): string {
  if (b === '') return a;
  if (a === '') return b;
  let fa: number;
  let fb: number;
  try {
    fa = parseMoney(a);
    fb = parseMoney(b);
  } catch {
    return /^-?\d+(\.\d{1,2})?$/.test(a) ? b : a;
  }
  return ((fa + fb) / 100).toFixed(2);
}

/** Whether time `a` is before `b` (unreadable times win, so they are reported). */
function earlier(a: string, b: string): boolean {
  if (a === '') return false;
  if (b === '') return true;
  try {
    const x = parseInstant(a);
    const y = parseInstant(b);
    const key = (i: { local: string | null; absolute: string | null }) =>
      i.local ?? new Date(i.absolute!).toISOString().replace('T', ' ').slice(0, 19);
    return key(x) < key(y);
  } catch {
    return true;
  }
}

/** A file read with a saved mapping: its header → our fields, amounts cleaned. */
function mapped(
  head: SourceRow[],
  rest: AsyncIterator<SourceRow[]>,
  done: boolean,
  mapping: ColumnMapping,
): PresetRows {
  const wanted = Object.entries(mapping.columns).filter(([, field]) => field !== '');
  const keys = wanted.map(([header]) => normaliseHeader(header));
  const at = head.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const cells = new Set(row.cells.map((c) => normaliseHeader(c.trim())));
    return keys.every((k) => cells.has(k));
  });
  if (at < 0) {
    const cells = new Set((head[0]?.cells ?? []).map((c) => normaliseHeader(c.trim())));
    const missing = wanted.filter(([h]) => !cells.has(normaliseHeader(h))).map(([h]) => h);
    throw new ImportFileError(
      'invalid_header',
      `the mapping ${mapping.name} needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      { line: head[0]?.line ?? 1, column: null },
    );
  }
  const header = head[at]!.cells;
  const spec = KIND_SPECS[mapping.kind];
  const indexOf = new Map(header.map((c, i) => [normaliseHeader(c.trim()), i]));
  const fields = wanted.map(([h, field]) => ({ field, index: indexOf.get(normaliseHeader(h))! }));
  const money = fields.map(({ field }) =>
    spec.fields.some((f) => f.name === field && f.type.startsWith('money')),
  );
  const labels: Record<string, string> = {};
  for (const { field, index } of fields) labels[field] = header[index]!.trim();
  const info: ReadInfo = {
    preset: null,
    mapping: mapping.name,
    kind: mapping.kind,
    headerLine: head[at]!.line,
    header,
    labels,
    skipped: new Map(),
    sourceRows: 0,
    channel: null,
  };
  async function* rows(): AsyncGenerator<SourceRow[]> {
    yield [{ line: info.headerLine, cells: fields.map((f) => f.field) }];
    for await (const batch of replay(head.slice(at + 1), rest, done)) {
      const out: SourceRow[] = [];
      for (const row of batch) {
        if (row.cells.every((c) => c.trim() === '')) continue;
        info.sourceRows++;
        out.push({
          line: row.line,
          cells: fields.map(({ index }, i) => {
            const text = cleanCell(row.cells[index] ?? '');
            return money[i] ? plainAmount(text) : text;
          }),
        });
      }
      if (out.length > 0) yield out;
    }
  }
  return { batches: rows(), info };
}

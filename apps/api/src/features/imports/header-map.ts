import type { FieldSpec, KindSpec } from './kinds/index.js';
import { ImportFileError } from './import-errors.js';

/**
 * Header text → a comparable key: Unicode-compatibility folded (full-width → ASCII), lower-case,
 * without spaces, underscores, dashes or a trailing unit such as (元) / （元）.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((元|rmb|¥|cny|yuan|%)\)$/u, '')
    .replace(/[\s_\-.]+/gu, '');
}

export interface HeaderMap {
  /** For each spec field, the cell index in a row, or -1 when the file lacks the column. */
  indexes: number[];
  /** The header as the file wrote it, per field (for error messages), or the field name. */
  labels: string[];
  /** Columns of the file that match no field (ignored). */
  ignored: string[];
  present: Set<string>;
}

export function mapHeader(spec: KindSpec, header: readonly string[]): HeaderMap {
  const lookup = new Map<string, FieldSpec>();
  for (const field of spec.fields) {
    for (const name of [field.name, ...field.aliases]) lookup.set(normaliseHeader(name), field);
  }
  const indexes = spec.fields.map(() => -1);
  const labels = spec.fields.map((field) => field.name);
  const ignored: string[] = [];
  const present = new Set<string>();
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const field = lookup.get(normaliseHeader(text));
    if (!field) {
      ignored.push(text);
      return;
    }
    const at = spec.fields.indexOf(field);
    if (indexes[at] !== -1) {
      throw new ImportFileError(
        'invalid_header',
        `columns "${labels[at]}" and "${text}" both mean ${field.name}; keep one`,
        { line: 1, column: text },
      );
    }
    indexes[at] = index;
    labels[at] = text;
    present.add(field.name);
  });
  const missing = spec.fields.filter((field, i) => field.required && indexes[i] === -1);
  if (missing.length > 0) {
    const wanted = missing
      .map((field) => `${field.name} (${field.aliases.slice(0, 2).join(' / ')})`)
      .join(', ');
    const found = header.filter((h) => h.trim() !== '').map((h) => h.trim());
    throw new ImportFileError(
      'invalid_header',
      `a ${spec.kind} file needs the column${missing.length > 1 ? 's' : ''} ${wanted}; ` +
        `found: ${found.length > 0 ? found.slice(0, 20).join(', ') : 'none'}`,
      { line: 1, column: null },
    );
  }
  if (spec.identity && !spec.identity.some((name) => present.has(name))) {
    const wanted = spec.identity
      .map((name) => spec.fields.find((field) => field.name === name)!)
      .map((field) => `${field.name} (${field.aliases.slice(0, 2).join(' / ')})`)
      .join(' or ');
    throw new ImportFileError(
      'invalid_header',
      `a ${spec.kind} file needs the column ${wanted} to tell whose row it is`,
      { line: 1, column: null },
    );
  }
  return { indexes, labels, ignored, present };
}

import type { CopyValue } from './database.js';

/** One line of COPY's CSV format: an unquoted empty field is NULL, "" is the empty string. */
export function toCsvLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i] ?? null);
  }
  return line + '\n';
}

function csvField(value: CopyValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot COPY a non-finite number (${value})`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = value instanceof Date ? value.toISOString() : value;
  if (text === '' || /[",\n\r]/.test(text)) return '"' + text.replace(/"/g, '""') + '"';
  return text;
}

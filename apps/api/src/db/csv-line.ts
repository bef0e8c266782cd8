/** A value COPY can take: null becomes SQL NULL. */
export type CopyValue = string | number | boolean | Date | null;

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
  if (typeof value === 'string') return csvText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot COPY a non-finite number (${value})`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return csvText(value.toISOString());
}

/**
 * A text value as one COPY CSV field: quoted when it is empty (an unquoted empty field is NULL),
 * holds a quote, comma or line break, or is `\.` (which alone on a line would end the data).
 */
export function csvText(text: string): string {
  const n = text.length;
  if (n === 0) return '""';
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // '"' 34, ',' 44, LF 10, CR 13
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${text.replaceAll('"', '""')}"`;
  }
  return text === '\\.' ? '"\\."' : text;
}

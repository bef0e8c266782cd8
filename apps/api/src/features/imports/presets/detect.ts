import { normaliseHeader } from '../header-map.js';
import type { KindSpec } from '../kinds/index.js';
import type { Preset } from './preset.js';

/**
 * How many columns of a header one of our kinds reads, when it has every required one (our own
 * layout); 0 otherwise.
 */
export function ownColumns(spec: KindSpec, header: readonly string[]): number {
  const cells = new Set(header.map((h) => normaliseHeader(h.trim())));
  const has = (f: KindSpec['fields'][number]) =>
    [f.name, ...f.aliases].some((n) => cells.has(normaliseHeader(n)));
  if (!spec.fields.every((f) => !f.required || has(f))) return 0;
  return spec.fields.filter(has).length;
}

/** Where each logical column of a preset sits in a header row (absent columns are left out). */
export function matchColumns(preset: Preset, header: readonly string[]): Map<string, number> {
  const wanted = new Map<string, string>();
  for (const [column, names] of Object.entries(preset.columns)) {
    for (const name of names) wanted.set(normaliseHeader(name), column);
  }
  const found = new Map<string, number>();
  header.forEach((cell, index) => {
    const column = wanted.get(normaliseHeader(cell.trim()));
    if (column !== undefined && !found.has(column)) found.set(column, index);
  });
  return found;
}

/** The preset whose required columns are all in this row; the one matching most columns wins. */
export function detectPreset(
  presets: readonly Preset[],
  header: readonly string[],
): { preset: Preset; columns: Map<string, number> } | null {
  let best: { preset: Preset; columns: Map<string, number> } | null = null;
  for (const preset of presets) {
    const columns = matchColumns(preset, header);
    if (!preset.required.every((c) => columns.has(c))) continue;
    if (!best || columns.size > best.columns.size) best = { preset, columns };
  }
  return best;
}

/** The required columns of a preset this row lacks (for the error when a preset is forced). */
export function missingColumns(preset: Preset, header: readonly string[]): string[] {
  const columns = matchColumns(preset, header);
  return preset.required.filter((c) => !columns.has(c)).map((c) => preset.columns[c]![0]!);
}

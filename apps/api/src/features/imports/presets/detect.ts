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

/**
 * Where each logical column of a preset sits in a header row (absent columns are left out). When
 * the row has several of a column's names, the one the preset lists first wins, wherever it
 * stands (a Youzan export has 收货人手机号/提货人手机号 before 买家手机号; the buyer's is wanted).
 */
export function matchColumns(preset: Preset, header: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell.trim());
    if (!at.has(name)) at.set(name, index);
  });
  const found = new Map<string, number>();
  for (const [column, names] of Object.entries(preset.columns)) {
    for (const name of names) {
      const index = at.get(normaliseHeader(name));
      if (index !== undefined) {
        found.set(column, index);
        break;
      }
    }
  }
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

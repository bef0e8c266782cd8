/**
 * Data freshness per kind from the import history: when each kind last landed (a real import
 * that succeeded, not a dry run), and how many days ago; kinds never loaded come out as null.
 */
import type { ImportKindName } from '@yugang/contract';
import { LOAD_ORDER } from './kinds';

export interface HistoryEntry {
  kind: string;
  status: string;
  dryRun: boolean;
  rowsRead: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface KindFreshness {
  kind: ImportKindName;
  lastAt: string | null;
  rows: number | null;
  daysAgo: number | null;
}

export function freshnessByKind(history: readonly HistoryEntry[], now: Date): KindFreshness[] {
  const latest = new Map<string, HistoryEntry>();
  for (const entry of history) {
    if (entry.dryRun || entry.status !== 'succeeded') continue;
    const at = entry.finishedAt ?? entry.startedAt;
    const seen = latest.get(entry.kind);
    if (!seen || at > (seen.finishedAt ?? seen.startedAt)) latest.set(entry.kind, entry);
  }
  return LOAD_ORDER.map((kind) => {
    const entry = latest.get(kind);
    if (!entry) return { kind, lastAt: null, rows: null, daysAgo: null };
    const lastAt = entry.finishedAt ?? entry.startedAt;
    const daysAgo = Math.max(0, Math.floor((now.getTime() - Date.parse(lastAt)) / 86_400_000));
    return { kind, lastAt, rows: entry.rowsRead, daysAgo };
  });
}

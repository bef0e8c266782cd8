/** The split answer (credited GMV by period, channel, first order vs repurchase) as chart and table rows. Pure. */
import type { attributionContract, ResponseOf } from '@yugang/contract';
import type { CreditSplitPart, CreditSplitRow } from '@yugang/charts';
import { periodStarts } from '@yugang/metrics';

type Split = Pick<ResponseOf<typeof attributionContract.split>, 'grain' | 'window' | 'rows'>;
type SplitRow = Split['rows'][number];

export interface ChannelSplit extends Omit<CreditSplitRow, 'period'> {
  channel: string;
  domain: 'public' | 'private';
  total: number;
}

function partsOf(row: SplitRow): Record<CreditSplitPart, number> {
  const first = row.order === 'first';
  return {
    firstPrivate: first ? row.private : 0,
    firstPublic: first ? row.public : 0,
    repeatPrivate: first ? 0 : row.private,
    repeatPublic: first ? 0 : row.public,
  };
}

function addInto(into: Record<CreditSplitPart, number>, row: SplitRow): void {
  const parts = partsOf(row);
  for (const key of Object.keys(parts) as CreditSplitPart[]) {
    into[key] = Math.round((into[key] + parts[key]) * 100) / 100;
  }
}

const zero = () => ({ firstPrivate: 0, firstPublic: 0, repeatPrivate: 0, repeatPublic: 0 });

/** One row per period overlapping the window (empty periods are zeros), channels summed. */
export function splitByPeriod(split: Split): CreditSplitRow[] {
  const label = (start: string) => (split.grain === 'month' ? start.slice(0, 7) : start);
  const rows = new Map<string, CreditSplitRow>(
    periodStarts(split.grain, split.window.from, split.window.to).map((start) => [
      label(start),
      { period: label(start), ...zero() },
    ]),
  );
  for (const r of split.rows) {
    const row = rows.get(r.period);
    if (row) addInto(row, r);
  }
  return [...rows.values()];
}

/** One row per channel over the whole window, largest credited GMV first. */
export function splitByChannel(split: Split): ChannelSplit[] {
  const rows = new Map<string, ChannelSplit>();
  for (const r of split.rows) {
    const key = `${r.channel}\u0000${r.domain}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { channel: r.channel, domain: r.domain, total: 0, ...zero() }));
    addInto(row, r);
    row.total = Math.round((row.total + r.total) * 100) / 100;
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || (a.channel < b.channel ? -1 : 1));
}

/** Credited GMV (attribution) per month as chart rows, inside [from, to). Pure. */
import type { ResponseOf, attributionContract } from '@yugang/contract';
import type { TrendRow } from '@yugang/charts';

type Attribution = ResponseOf<typeof attributionContract.get>;

export function creditedGmvRows(attribution: Attribution, from: string, to: string): TrendRow[] {
  const first = from.slice(0, 7);
  const end = to.slice(0, 7);
  return attribution.rows
    .filter((r) => r.period >= first && r.period < end)
    .map((r) => ({ period: r.period, private: r.private, public: r.public }));
}

/** The trends answer as chart rows. Pure. */
import type { ResponseOf, trendsContract } from '@yugang/contract';
import type { TrendRow } from '@yugang/charts';

type Trends = Pick<ResponseOf<typeof trendsContract.get>, 'grain' | 'points'>;

/** 'YYYY-MM' for months, the Monday 'YYYY-MM-DD' for weeks. */
export function periodLabel(period: string, grain: 'week' | 'month'): string {
  return grain === 'month' ? period.slice(0, 7) : period;
}

export function trendRows(trends: Trends): TrendRow[] {
  return trends.points.map((p) => ({
    period: periodLabel(p.period, trends.grain),
    private: p.private.value,
    public: p.public.value,
  }));
}

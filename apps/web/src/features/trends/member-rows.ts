/** The members trend answer as chart rows: members at each period's end, or the period's joins. Pure. */
import type { membershipContract, ResponseOf } from '@yugang/contract';
import type { TrendRow } from '@yugang/charts';
import { periodLabel } from './trend-rows';

type MemberTrend = Pick<ResponseOf<typeof membershipContract.trend>, 'grain' | 'points'>;
export type MemberFigure = 'private_members' | 'new_private_members';

/** Private only: members are private by definition, so the rows carry no public value. */
export function memberRows(trend: MemberTrend, figure: MemberFigure): TrendRow[] {
  return trend.points.map((p) => ({
    period: periodLabel(p.period, trend.grain),
    private: p[figure].value,
  }));
}

/**
 * The review's windows: the ISO week (Monday start, local dates of the workspace time zone), the
 * week before (环比), the same ISO week a year earlier (同比), the series weeks for sparklines,
 * and the calendar months the cost-based figures (ROI, nurture cost) need, since costs are
 * booked per whole month.
 */
import { isoWeekOf, weekStart } from '@yugang/contract';
import { addDays, addMonths, monthOf, weekStartOf, type DateWindow } from '@yugang/metrics';

export const SERIES_LENGTH = 12;

export interface Periods {
  /** Oldest first; the last one is the period under review. */
  series: DateWindow[];
  yearAgo: DateWindow;
}

export interface ReviewWindows {
  week: string;
  weeks: Periods;
  /** The last calendar month that ended on or before the week's end. */
  months: Periods;
}

/** The last complete Monday-start week ending on or before `latestDay` (its `to` ≤ latestDay + 1). */
export function defaultWeek(latestDay: string): string {
  const to = weekStartOf(addDays(latestDay, 1));
  return isoWeekOf(addDays(to, -7));
}

function sameWeekLastYear(week: string, from: string): string {
  const [year, n] = week.split('-W');
  return weekStart(`${Number(year) - 1}-W${n}`) ?? weekStartOf(addDays(from, -364));
}

export function reviewWindows(week: string): ReviewWindows {
  const from = weekStart(week);
  if (!from) throw new Error(`no such ISO week: ${week}`);
  const series: DateWindow[] = [];
  for (let i = SERIES_LENGTH - 1; i >= 0; i--) {
    const f = addDays(from, -7 * i);
    series.push({ from: f, to: addDays(f, 7) });
  }
  const yearAgoFrom = sameWeekLastYear(week, from);
  const to = addDays(from, 7);
  // The month holding the day before `to`, unless the week ends exactly at a month end.
  const endMonth = to.endsWith('-01') ? monthOf(addDays(to, -1)) : addMonths(monthOf(to), -1);
  const monthWindow = (m: string): DateWindow => ({ from: `${m}-01`, to: `${addMonths(m, 1)}-01` });
  const months: DateWindow[] = [];
  for (let i = SERIES_LENGTH - 1; i >= 0; i--) months.push(monthWindow(addMonths(endMonth, -i)));
  return {
    week,
    weeks: { series, yearAgo: { from: yearAgoFrom, to: addDays(yearAgoFrom, 7) } },
    months: { series: months, yearAgo: monthWindow(addMonths(endMonth, -12)) },
  };
}

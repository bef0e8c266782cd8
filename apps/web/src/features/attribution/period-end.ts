/** Whether the last period of a credited-GMV series runs past the window's end (drawn dashed). Pure. */
import { addDays, addMonths } from '@yugang/metrics';

export function lastPeriodUnfinished(
  periods: readonly string[],
  grain: 'month' | 'week',
  windowTo: string,
): boolean {
  const last = periods.at(-1);
  if (!last) return false;
  const end = grain === 'month' ? `${addMonths(last.slice(0, 7), 1)}-01` : addDays(last, 7);
  return end > windowTo;
}

/**
 * The workspace's latest data day, which every preset counts from. The summary's default window
 * ends on it; weekly order counts bound it from above when the server's default still ends today.
 */
import { addDays } from '@yugang/metrics';

export function latestDataDay(
  summaryTo: string,
  weeklyOrders: readonly { period: string; orders: number }[],
): string {
  const fromSummary = addDays(summaryTo, -1);
  const lastWeek = [...weeklyOrders].reverse().find((w) => w.orders > 0);
  if (!lastWeek) return fromSummary;
  const weekEnd = addDays(lastWeek.period, 6);
  return weekEnd < fromSummary ? weekEnd : fromSummary;
}

/**
 * Chart values are in the API's JSON units (money in yuan, ratios as fractions); the metrics
 * formatter takes the catalog's units (money in integer fen), so money is converted here, once.
 */
import { formatValue, type Locale, type MetricUnit } from '@yugang/metrics';

/** A chart value as text; `compact` for axis labels (¥1.2万, ¥3.4亿 / ¥12K, ¥1.2M). */
export function formatChartValue(
  value: number | null | undefined,
  unit: MetricUnit,
  locale: Locale,
  compact = false,
): string {
  const inUnit = unit === 'money' && typeof value === 'number' ? Math.round(value * 100) : value;
  return formatValue(inUnit, unit, locale, { compact });
}

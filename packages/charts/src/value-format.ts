/** Chart values are in the API's JSON units (money in yuan, ratios as fractions), as the formatter takes them. */
import { formatValue, type Locale, type MetricUnit } from '@yugang/metrics';

/** A chart value as text; `compact` for axis labels (¥1.2万, ¥3.4亿 / ¥12K, ¥1.2M). */
export function formatChartValue(
  value: number | null | undefined,
  unit: MetricUnit,
  locale: Locale,
  compact = false,
): string {
  return formatValue(value, unit, locale, { compact });
}

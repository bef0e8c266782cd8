/**
 * Figures as text through @yugang/metrics `format` (¥, 万, 亿; percentage points for rate
 * deltas). The API's JSON carries money in yuan; the formatter takes fen, so money is converted
 * here once (formatChartValue of @yugang/charts does the same for charts).
 */
import { formatChartValue } from '@yugang/charts';
import {
  formatPercent,
  formatPercentPointDelta,
  type Locale,
  type MetricUnit,
} from '@yugang/metrics';

export function formatFigure(
  value: number | null | undefined,
  unit: MetricUnit,
  locale: Locale,
  compact = false,
): string {
  return formatChartValue(value, unit, locale, compact);
}

export type Direction = 'up' | 'down' | 'flat';

export interface Delta {
  direction: Direction;
  /** Signed text: '+12.3%' for a relative change, '+1.2 个百分点' for a rate. */
  text: string;
}

/**
 * Change from `previous` to `current`: rates (ratio unit) in percentage points, everything else
 * as a relative change. Null when either side is missing or a relative change has no base.
 */
export function delta(
  current: number | null | undefined,
  previous: number | null | undefined,
  unit: MetricUnit,
  locale: Locale,
): Delta | null {
  if (typeof current !== 'number' || typeof previous !== 'number') return null;
  const difference = current - previous;
  const direction: Direction =
    Math.abs(difference) < 1e-12 ? 'flat' : difference > 0 ? 'up' : 'down';
  const text =
    unit === 'ratio'
      ? formatPercentPointDelta(difference, locale)
      : previous === 0
        ? null
        : formatPercent(difference / Math.abs(previous), locale, { signed: true });
  if (text === null) return null;
  // a change that rounds to zero is shown, and coloured, as unchanged
  return { direction: /^[+-]/.test(text) ? direction : 'flat', text };
}

export const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '■' };

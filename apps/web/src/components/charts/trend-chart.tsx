/** A public-vs-private trend in its frame, drawn by @yugang/charts' trendLineOption. */
import { useMemo, type ReactNode } from 'react';
import { SIDE_LABELS, trendLineOption, type TrendLineInput } from '@yugang/charts';
import { formatFigure } from '../../lib/format';
import { useMessages } from '../../lib/i18n';
import { ChartFrame } from './chart-frame';
import { chartMessages } from './messages';

export interface TrendChartProps {
  input: TrendLineInput;
  takeaway?: string | null;
  fileName: string;
  actions?: ReactNode;
  height?: number;
  /** Shown under the chart (a note, the figure a test reads). */
  children?: ReactNode;
}

export function TrendChart({
  input,
  takeaway,
  fileName,
  actions,
  height,
  children,
}: TrendChartProps) {
  const t = useMessages(chartMessages);
  const option = useMemo(() => trendLineOption(input), [input]);
  const aria = option.aria as { label?: { description?: string } } | undefined;
  const description = aria?.label?.description ?? input.title;
  const sides = SIDE_LABELS[input.locale];
  const showPublic = input.rows.some((r) => typeof r.public === 'number');
  const table = {
    headers: [t.period, sides.private, ...(showPublic ? [sides.public] : [])],
    rows: input.rows.map((r) => [
      r.period,
      formatFigure(r.private, input.unit, input.locale),
      ...(showPublic ? [formatFigure(r.public, input.unit, input.locale)] : []),
    ]),
  };
  return (
    <ChartFrame
      title={input.title}
      takeaway={takeaway ?? undefined}
      option={option}
      description={description}
      table={table}
      fileName={fileName}
      actions={actions}
      height={height}
    >
      {children}
    </ChartFrame>
  );
}

/**
 * The retention triangle in its frame. Clicking a cell picks its cohort; the ECharts instance is
 * reached through its container (the shared EChart component owns init and dispose). Heat maps
 * and the visual map are registered here, so only this page's chunk carries them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { retentionHeatmapOption } from '@yugang/charts';
import { formatNumber, formatPercent, type Locale } from '@yugang/metrics';
import { getInstanceByDom, use as registerECharts } from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { useMessages } from '../../../lib/i18n';
import type { GroupCohort } from '../cohort-rows';
import { cohortsMessages } from '../messages';

registerECharts([HeatmapChart, VisualMapComponent]);

export function RetentionHeatmapCard(props: {
  ws: string;
  locale: Locale;
  title: string;
  rows: readonly GroupCohort[];
  onPick: (cohort: string) => void;
}) {
  const { locale, rows, onPick } = props;
  const t = useMessages(cohortsMessages);
  const wrapper = useRef<HTMLDivElement>(null);
  // cell labels overlap below ~700 px; the table toggle still gives every number
  const [wide] = useState(() => window.matchMedia('(min-width: 700px)').matches);
  const option = useMemo(
    () => retentionHeatmapOption({ locale, title: props.title, rows, cellLabels: wide }),
    [locale, props.title, rows, wide],
  );
  useEffect(() => {
    // The chart draws into the [data-echart] element's own host (components/charts/echart.tsx).
    const element = wrapper.current?.querySelector<HTMLElement>('[data-echart] > div');
    const chart = element ? getInstanceByDom(element) : undefined;
    if (!chart) return;
    const click = (p: { value?: unknown }) => {
      const value = p.value as [number, number, unknown] | undefined;
      const row = value ? rows[value[1]] : undefined;
      if (row) onPick(row.cohort);
    };
    chart.on('click', click);
    return () => {
      chart.off('click', click);
    };
  });
  const maxK = Math.max(0, ...rows.map((r) => r.cells.length - 1));
  const table = {
    headers: [t.cohort, t.size, ...Array.from({ length: maxK + 1 }, (_, k) => t.month(k))],
    rows: rows.map((r) => [
      r.cohort,
      formatNumber(r.size, locale),
      ...Array.from({ length: maxK + 1 }, (_, k) =>
        k < r.cells.length
          ? t.cell(formatPercent(r.cells[k], locale), formatNumber(r.counts[k] ?? 0, locale))
          : '',
      ),
    ]),
  };
  const description = (option.aria as { label: { description: string } }).label.description;
  return (
    <div ref={wrapper}>
      <ChartFrame
        title={props.title}
        takeaway={t.hint}
        option={option}
        description={description}
        table={table}
        fileName={`${props.ws}-cohorts`}
        height={Math.max(260, 40 + rows.length * 30)}
      />
    </div>
  );
}

/** The latest assessment's dimension scores against the previous one (the radar is registered here). */
import { useMemo } from 'react';
import { readinessRadarOption } from '@yugang/charts';
import { formatNumber, type Locale } from '@yugang/metrics';
import { use as registerECharts } from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { useMessages } from '../../../lib/i18n';
import { readinessMessages } from '../messages';
import { radarAxes, type Assessment } from '../readiness-rows';

registerECharts([RadarChart, RadarComponent]);

export function ReadinessRadarCard(props: {
  latest: Assessment;
  previous: Assessment | null;
  locale: Locale;
  ws: string;
}) {
  const { latest, previous, locale } = props;
  const t = useMessages(readinessMessages);
  const axes = useMemo(() => radarAxes(latest, previous, locale), [latest, previous, locale]);
  const option = useMemo(
    () =>
      readinessRadarOption({
        locale,
        title: t.radar,
        dimensions: axes.dimensions,
        latest: { name: t.latest, scores: axes.latest },
        previous: axes.previous ? { name: t.previous, scores: axes.previous } : null,
      }),
    [locale, t, axes],
  );
  const score = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : formatNumber(v, locale, { digits: 0 });
  return (
    <ChartFrame
      title={t.radar}
      takeaway={t.overall(score(latest.result.overall))}
      option={option}
      description={(option.aria as { label: { description: string } }).label.description}
      table={{
        headers: [t.dimension, t.latest, ...(axes.previous ? [t.previous] : [])],
        rows: axes.dimensions.map((d, i) => [
          d,
          score(axes.latest[i]),
          ...(axes.previous ? [score(axes.previous[i])] : []),
        ]),
      }}
      fileName={`${props.ws}-readiness`}
      height={300}
    />
  );
}

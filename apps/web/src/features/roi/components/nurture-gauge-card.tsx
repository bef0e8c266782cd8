/** Nurture cost against its ceiling (multiple × public CAC) as a gauge; the gauge is registered here. */
import { useMemo } from 'react';
import { ceilingGaugeOption } from '@yugang/charts';
import { formatNumber, type Locale } from '@yugang/metrics';
import { use as registerECharts } from 'echarts/core';
import { GaugeChart } from 'echarts/charts';
import type { ResponseOf, roiContract } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { roiAnalysisMessages } from '../roi-messages';

registerECharts([GaugeChart]);

type Roi = ResponseOf<typeof roiContract.get>;

export function NurtureGaugeCard({ roi, locale, ws }: { roi: Roi; locale: Locale; ws: string }) {
  const t = useMessages(roiAnalysisMessages);
  const n = roi.nurtureCost;
  const ceilingLabel = t.ceiling(formatNumber(n.multiple, locale));
  const option = useMemo(
    () =>
      ceilingGaugeOption({
        locale,
        title: t.nurtureTitle,
        unit: 'money',
        value: n.cost.value,
        ceiling: n.ceiling,
        ceilingLabel,
      }),
    [locale, t.nurtureTitle, n.cost.value, n.ceiling, ceilingLabel],
  );
  const verdict = n.withinCeiling === null ? t.unknown : n.withinCeiling ? t.within : t.over;
  return (
    <ChartFrame
      title={t.nurture}
      takeaway={`${t.nurtureTitle} ${formatFigure(n.cost.value, 'money', locale)} · ${ceilingLabel} ${formatFigure(n.ceiling, 'money', locale)} · ${verdict}`}
      option={option}
      description={(option.aria as { label: { description: string } }).label.description}
      table={{
        headers: [t.nurture, ''],
        rows: [
          [t.nurtureTitle, formatFigure(n.cost.value, 'money', locale)],
          [t.cac, formatFigure(roi.publicCac.value, 'money', locale)],
          [ceilingLabel, formatFigure(n.ceiling, 'money', locale)],
        ],
      }}
      fileName={`${ws}-nurture-cost`}
      height={240}
    />
  );
}

/** Week-over-week tier movement as a Sankey (registered here, so only this page's chunk carries it). */
import { useMemo } from 'react';
import { tierSankeyOption } from '@yugang/charts';
import { formatNumber, type Locale } from '@yugang/metrics';
import { use as registerECharts } from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import type { ResponseOf, tiersContract } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { useMessages } from '../../../lib/i18n';
import { tiersMessages } from '../messages';
import { FROM_TIERS, TO_TIERS } from '../tier-rows';

registerECharts([SankeyChart]);

type Tiers = ResponseOf<typeof tiersContract.get>;

export function TierSankeyCard({
  tiers,
  locale,
  ws,
}: {
  tiers: Tiers;
  locale: Locale;
  ws: string;
}) {
  const t = useMessages(tiersMessages);
  const title = t.movement(tiers.previousAsOf, tiers.asOf);
  const labels = {
    high_value: t.high_value,
    potential: t.potential,
    ordinary: t.ordinary,
    new: t.new,
    gone: t.gone,
  };
  const option = useMemo(
    () =>
      tierSankeyOption({
        locale,
        title,
        fromSide: t.lastWeek,
        toSide: t.thisWeek,
        fromLabels: labels,
        toLabels: labels,
        matrix: tiers.movement.matrix,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale, title, tiers, t],
  );
  const m = tiers.movement;
  return (
    <ChartFrame
      title={title}
      takeaway={t.moved(formatNumber(m.moved, locale), formatNumber(m.unchanged, locale))}
      option={option}
      description={(option.aria as { label: { description: string } }).label.description}
      table={{
        headers: [`${t.from} \\ ${t.to}`, ...TO_TIERS.map((x) => labels[x])],
        rows: FROM_TIERS.map((f) => [
          labels[f],
          ...TO_TIERS.map((x) => formatNumber(m.matrix[f][x], locale)),
        ]),
      }}
      fileName={`${ws}-tier-movement`}
      height={320}
    />
  );
}

/** Historical LTV: each cohort's curve for one group, and the weighted private vs public curve. */
import { useMemo } from 'react';
import { markedLinesOption } from '@yugang/charts';
import type { Locale } from '@yugang/metrics';
import type { ltvContract, ResponseOf } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { TrendChart } from '../../../components/charts/trend-chart';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { cohortCurves, weightedCurve, type LtvGroup } from '../ltv-analysis-rows';
import { ltvAnalysisMessages } from '../ltv-messages';

type Ltv = ResponseOf<typeof ltvContract.get>;

const PALETTE = ['#1f6feb', '#2da44e', '#d29922', '#cf222e', '#6e40c9', '#8b949e'];

export function LtvCurvesCards({
  ltv,
  group,
  locale,
  ws,
}: {
  ltv: Ltv;
  group: LtvGroup;
  locale: Locale;
  ws: string;
}) {
  const t = useMessages(ltvAnalysisMessages);
  const measure = ltv.measure === 'gmv' ? t.gmv : t.grossProfit;
  const groupLabel = { all: t.all, private: t.privateLabel, public: t.publicLabel }[group];
  const curves = useMemo(() => cohortCurves(ltv, group, 6), [ltv, group]);
  const longest = Math.max(0, ...curves.map((c) => c.values.length));
  const months = Array.from({ length: longest }, (_, k) => `M${k}`);
  const title = t.curves(groupLabel, measure);
  const option = useMemo(
    () =>
      markedLinesOption({
        locale,
        title,
        unit: 'money',
        categories: months,
        series: curves.map((c, i) => ({
          name: c.cohort,
          values: c.values,
          color: PALETTE[i % PALETTE.length]!,
        })),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale, title, curves],
  );
  const rows = useMemo(() => {
    const priv = weightedCurve(ltv, 'private');
    const pub = weightedCurve(ltv, 'public');
    return Array.from({ length: Math.max(priv.length, pub.length) }, (_, k) => ({
      period: `M${k}`,
      private: priv[k] ?? null,
      public: pub[k] ?? null,
    }));
  }, [ltv]);
  return (
    <>
      <ChartFrame
        title={title}
        option={option}
        description={(option.aria as { label: { description: string } }).label.description}
        table={{
          headers: ['', ...curves.map((c) => c.cohort)],
          rows: months.map((m, k) => [
            m,
            ...curves.map((c) => formatFigure(c.values[k], 'money', locale)),
          ]),
        }}
        fileName={`${ws}-ltv-cohorts`}
      />
      <TrendChart
        input={{ locale, title: t.weighted(measure), unit: 'money', rows }}
        fileName={`${ws}-ltv-private-public`}
      />
    </>
  );
}

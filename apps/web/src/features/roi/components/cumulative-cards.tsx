/**
 * Cumulative private cost vs gross profit, and cumulative ROI private vs public, with the marked
 * months and the annotations the page hands in, each on the month that holds its date.
 */
import { useMemo, type ReactNode } from 'react';
import { COLORS, markedLinesOption } from '@yugang/charts';
import type { Locale } from '@yugang/metrics';
import type { ResponseOf, roiContract } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { cumulativeSeries } from '../roi-analysis-rows';
import { roiAnalysisMessages } from '../roi-messages';

type Roi = ResponseOf<typeof roiContract.get>;

export function CumulativeCards(props: {
  roi: Roi;
  locale: Locale;
  ws: string;
  annotations?: readonly { date: string; text: string }[] | undefined;
  actions?: ReactNode;
}) {
  const { roi, locale, ws } = props;
  const t = useMessages(roiAnalysisMessages);
  const s = useMemo(() => cumulativeSeries(roi), [roi]);
  const marks = s.marks.map((m) => ({ category: m.month, label: t[m.kind](m.index) }));
  const notes = useMemo(
    () => (props.annotations ?? []).map((a) => ({ category: a.date.slice(0, 7), label: a.text })),
    [props.annotations],
  );
  const takeaway =
    s.marks.length === 0 ? t.noMarks : marks.map((m) => `${m.label} ${m.category}`).join(' · ');
  const money = useMemo(
    () =>
      markedLinesOption({
        locale,
        title: t.cumulative,
        unit: 'money',
        categories: s.months,
        series: [
          { name: t.cost, values: s.privateCost, color: '#cf222e' },
          { name: t.grossProfit, values: s.privateGrossProfit, color: COLORS.private },
        ],
        marks: [...marks.filter((_, i) => s.marks[i]!.kind === 'costBalance'), ...notes],
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale, s, notes, t.cumulative, t.cost, t.grossProfit],
  );
  const ratio = useMemo(
    () =>
      markedLinesOption({
        locale,
        title: t.roiCurves,
        unit: 'multiple',
        categories: s.months,
        series: [
          { name: t.privateRoi, values: s.privateRoi, color: COLORS.private },
          { name: t.publicRoi, values: s.publicRoi, color: COLORS.public },
        ],
        marks: [...marks.filter((_, i) => s.marks[i]!.kind === 'roiConvergence'), ...notes],
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale, s, notes, t.roiCurves, t.privateRoi, t.publicRoi],
  );
  const aria = (o: typeof money) =>
    (o.aria as { label: { description: string } }).label.description;
  return (
    <>
      <ChartFrame
        title={t.cumulative}
        takeaway={takeaway}
        option={money}
        description={aria(money)}
        table={{
          headers: ['', t.cost, t.grossProfit],
          rows: s.months.map((m, i) => [
            m,
            formatFigure(s.privateCost[i], 'money', locale),
            formatFigure(s.privateGrossProfit[i], 'money', locale),
          ]),
        }}
        fileName={`${ws}-cumulative-cost`}
        actions={props.actions}
      />
      <ChartFrame
        title={t.roiCurves}
        takeaway={takeaway}
        option={ratio}
        description={aria(ratio)}
        table={{
          headers: ['', t.privateRoi, t.publicRoi],
          rows: s.months.map((m, i) => [
            m,
            formatFigure(s.privateRoi[i], 'multiple', locale),
            formatFigure(s.publicRoi[i], 'multiple', locale),
          ]),
        }}
        fileName={`${ws}-cumulative-roi`}
        actions={props.actions}
      />
    </>
  );
}

/** The budget split per purpose against 60/20/20, with whether the rule is meant for this shop. */
import { useMemo } from 'react';
import { budgetSplitOption } from '@yugang/charts';
import { formatPercent, type Locale } from '@yugang/metrics';
import type { ResponseOf, roiContract } from '@yugang/contract';
import { ChartFrame } from '../../../components/charts/chart-frame';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { budgetRows } from '../roi-analysis-rows';
import { roiAnalysisMessages } from '../roi-messages';

type Roi = ResponseOf<typeof roiContract.get>;

export function BudgetSplitCard({ roi, locale, ws }: { roi: Roi; locale: Locale; ws: string }) {
  const t = useMessages(roiAnalysisMessages);
  const rows = useMemo(() => budgetRows(roi, locale), [roi, locale]);
  const option = useMemo(
    () =>
      budgetSplitOption({
        locale,
        title: t.budget,
        rows,
        actualName: t.actual,
        targetName: t.rule,
      }),
    [locale, t.budget, rows, t.actual, t.rule],
  );
  const gmv = formatFigure(roi.budgetSplit.yearlyGmv, 'money', locale);
  const applies = roi.budgetSplit.ruleApplies;
  return (
    <ChartFrame
      title={t.budget}
      takeaway={applies === false ? t.ruleNotApplies(gmv) : t.ruleApplies(gmv)}
      option={option}
      description={(option.aria as { label: { description: string } }).label.description}
      table={{
        headers: [t.budget, t.actual, t.rule],
        rows: rows.map((r) => [
          r.label,
          formatPercent(r.share, locale),
          formatPercent(r.target, locale),
        ]),
      }}
      fileName={`${ws}-budget-split`}
      height={220}
    >
      <p className="benchmark-note">{roi.budgetSplit.note[locale]}</p>
    </ChartFrame>
  );
}

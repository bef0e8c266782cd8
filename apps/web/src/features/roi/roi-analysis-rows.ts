/** The ROI page's series from GET roi: the budget split against 60/20/20 and the cumulative curves. Pure. */
import type { BudgetShareRow } from '@yugang/charts';
import type { Locale } from '@yugang/metrics';
import type { ResponseOf, roiContract } from '@yugang/contract';

type Roi = ResponseOf<typeof roiContract.get>;

export function budgetRows(roi: Roi, locale: Locale): BudgetShareRow[] {
  return roi.budgetSplit.shares.map((s) => ({
    label: s.label[locale] ?? s.purpose,
    share: s.share.value,
    target: s.target,
  }));
}

export interface CumulativeSeries {
  months: string[];
  privateCost: number[];
  privateGrossProfit: number[];
  privateRoi: (number | null)[];
  publicRoi: (number | null)[];
  marks: { month: string; kind: 'costBalance' | 'roiConvergence'; index: number }[];
}

export function cumulativeSeries(roi: Roi): CumulativeSeries {
  const points = roi.cumulative.points;
  const marks: CumulativeSeries['marks'] = [];
  for (const kind of ['costBalance', 'roiConvergence'] as const) {
    const mark = roi.cumulative[kind];
    if (mark) marks.push({ month: mark.month, kind, index: mark.index });
  }
  return {
    months: points.map((p) => p.month),
    privateCost: points.map((p) => p.privateCost),
    privateGrossProfit: points.map((p) => p.privateGrossProfit),
    privateRoi: points.map((p) => p.privateRoi),
    publicRoi: points.map((p) => p.publicRoi),
    marks,
  };
}

/** Cumulative ROI since the private launch, per month, private vs public, inside [from, to). Pure. */
import type { ResponseOf, roiContract } from '@yugang/contract';
import type { TrendRow } from '@yugang/charts';

type Roi = ResponseOf<typeof roiContract.get>;

export function cumulativeRoiRows(roi: Roi, from: string, to: string): TrendRow[] {
  const first = from.slice(0, 7);
  const end = to.slice(0, 7);
  return roi.cumulative.points
    .filter((p) => p.month >= first && p.month < end)
    .map((p) => ({ period: p.month, private: p.privateRoi, public: p.publicRoi }));
}

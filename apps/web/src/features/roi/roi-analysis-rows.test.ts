import { describe, expect, it } from 'vitest';
import { budgetRows, cumulativeSeries } from './roi-analysis-rows';

const e = (value: number | null) => ({ value, numerator: 0, denominator: 0 });
const roi = {
  budgetSplit: {
    shares: [
      {
        purpose: 'cold_start',
        label: { 'zh-CN': '冷启动', en: 'Cold start' },
        share: e(0.5),
        target: 0.6,
      },
      { purpose: 'tools', label: { 'zh-CN': '工具', en: 'Tools' }, share: e(null), target: 0.2 },
    ],
  },
  cumulative: {
    points: [
      { month: '2026-01', privateCost: 10, privateGrossProfit: 5, privateRoi: 0.5, publicRoi: 1.5 },
      {
        month: '2026-02',
        privateCost: 20,
        privateGrossProfit: 25,
        privateRoi: 1.25,
        publicRoi: 1.3,
      },
    ],
    costBalance: { month: '2026-02', index: 1, label: { 'zh-CN': '回本', en: 'cost balance' } },
    roiConvergence: null,
  },
} as unknown as Parameters<typeof budgetRows>[0];

describe('roi analysis rows', () => {
  it('takes each budget purpose’s share and target in the reader’s language', () => {
    expect(budgetRows(roi, 'en')).toEqual([
      { label: 'Cold start', share: 0.5, target: 0.6 },
      { label: 'Tools', share: null, target: 0.2 },
    ]);
  });

  it('lays out the cumulative curves by month and marks only the months the API found', () => {
    const s = cumulativeSeries(roi);
    expect(s.months).toEqual(['2026-01', '2026-02']);
    expect(s.privateCost).toEqual([10, 20]);
    expect(s.privateGrossProfit).toEqual([5, 25]);
    expect(s.privateRoi).toEqual([0.5, 1.25]);
    expect(s.marks).toEqual([{ month: '2026-02', kind: 'costBalance', index: 1 }]);
  });
});

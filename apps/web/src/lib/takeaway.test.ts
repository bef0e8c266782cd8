import { describe, expect, it } from 'vitest';
import { takeaway } from './takeaway';

const rows = [
  { period: '2025-09', private: 100000, public: 90000 },
  ...Array.from({ length: 10 }, (_, i) => ({
    period: `2025-${String(10 + i).padStart(2, '0')}`,
    private: 100000,
    public: 90000,
  })).slice(0, 3),
  { period: '2026-08', private: 120000, public: 80000 },
  { period: '2026-09', private: 132000, public: 85000 },
  { period: '2026-10', private: 5000, public: 4000 },
];

describe('takeaway', () => {
  it('when the last month is unfinished, then the line speaks of the month before with 环比', () => {
    expect(
      takeaway({
        locale: 'zh-CN',
        title: 'GMV',
        unit: 'money',
        rows,
        unfinishedLast: true,
        comparison: 'previous',
        periodsPerYear: 12,
      }),
    ).toBe('2026-09 私域GMV ¥13.2万，环比 +10.0%；公域 ¥8.5万。');
  });

  it('when comparing a year back without that month, then it says there is no figure', () => {
    expect(
      takeaway({
        locale: 'en',
        title: 'GMV',
        unit: 'money',
        rows,
        unfinishedLast: true,
        comparison: 'year_ago',
        periodsPerYear: 12,
      }),
    ).toBe('Private GMV ¥132K in 2026-09, no figure vs a year ago; public ¥85K.');
  });

  it('when a rate changes, then the change is in percentage points', () => {
    expect(
      takeaway({
        locale: 'en',
        title: 'Repeat rate',
        unit: 'ratio',
        rows: [
          { period: '2026-08', private: 0.3 },
          { period: '2026-09', private: 0.32 },
        ],
        unfinishedLast: false,
        comparison: 'previous',
        periodsPerYear: 12,
      }),
    ).toBe('Private repeat rate 32.0% in 2026-09, +2.0 pp vs previous.');
  });

  it('when there is no finished value, then there is no takeaway', () => {
    expect(
      takeaway({
        locale: 'en',
        title: 'GMV',
        unit: 'money',
        rows: [{ period: '2026-09', private: null }],
        unfinishedLast: false,
        comparison: 'previous',
        periodsPerYear: 12,
      }),
    ).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { ReviewFigure } from '@yugang/contract';
import { figureView } from './figure-view';

const ev = (value: number | null, numerator = value ?? 0, denominator = 1) => ({
  value,
  numerator,
  denominator,
});

function figure(over: Partial<ReviewFigure>): ReviewFigure {
  return {
    key: 'x',
    metric: 'credited_gmv',
    segment: 'private',
    unit: 'money',
    measure: 'value',
    window: { from: '2026-09-21', to: '2026-09-28' },
    current: ev(32725.15),
    previous: ev(35799.25),
    yearAgo: ev(22701.25),
    goal: null,
    series: [],
    seriesGrain: 'week',
    ...over,
  };
}

describe('review figure view', () => {
  it('when credited GMV is shown, then it names the side and gives 环比 and 同比 as relative changes', () => {
    const view = figureView(figure({}), 'zh-CN');
    expect(view.title).toBe('业绩归属GMV · 私域');
    expect(view.value).toBe('¥32,725.15');
    expect(view.previous).toEqual({ direction: 'down', text: '-8.6%' });
    expect(view.yearAgo).toEqual({ direction: 'up', text: '+44.2%' });
  });

  it('when a share is shown, then it is a percent and changes in percentage points', () => {
    const view = figureView(
      figure({ measure: 'share', current: ev(0.4247), previous: ev(0.4517), yearAgo: null }),
      'en',
    );
    expect(view.title).toBe('Credited GMV: private share');
    expect(view.value).toBe('42.5%');
    expect(view.previous).toEqual({ direction: 'down', text: '-2.7 pp' });
    expect(view.yearAgo).toBeNull();
  });

  it('when nurture cost has a ceiling, then the goal line says whether it is within it', () => {
    const base = {
      metric: 'nurture_cost' as const,
      current: ev(106.63),
      goal: {
        target: 328.91,
        comparator: '<=' as const,
        source: 'ceiling' as const,
        progress: null,
        periodStart: null,
        periodEnd: null,
      },
    };
    expect(figureView(figure(base), 'zh-CN').goal).toEqual({
      text: '上限 ¥328.91，已达成',
      status: 'met',
      progress: null,
    });
    expect(figureView(figure({ ...base, current: ev(400) }), 'en').goal?.text).toBe(
      'ceiling ¥328.91, not met',
    );
  });
});

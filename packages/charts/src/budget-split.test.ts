import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { budgetSplitOption } from './budget-split.js';

describe('budgetSplitOption', () => {
  it('puts each purpose’s actual share beside the rule’s target', () => {
    const option = budgetSplitOption({
      locale: 'zh-CN',
      title: '预算分配',
      actualName: '实际',
      targetName: '60/20/20 规则',
      rows: [
        { label: '冷启动', share: 0.5, target: 0.6 },
        { label: '工具', share: 0.3, target: 0.2 },
        { label: '囤货与试用', share: null, target: 0.2 },
      ],
    });
    const [actual, target] = option.series as BarSeriesOption[];
    expect(actual!.data).toEqual([0.5, 0.3, null]);
    expect(target!.data).toEqual([0.6, 0.2, 0.2]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['冷启动', '工具', '囤货与试用']);
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('冷启动：实际 50.0%，规则 60.0%');
  });
});

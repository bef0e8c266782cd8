import { describe, expect, it } from 'vitest';
import { ariaDescription } from './aria.js';

describe('ariaDescription', () => {
  it('names each series from first to last with its highest and lowest, in zh-CN', () => {
    const text = ariaDescription({
      locale: 'zh-CN',
      title: '私域 GMV',
      unit: 'money',
      categories: ['2026-01', '2026-02', '2026-03'],
      series: [{ name: '私域', values: [100, 300, 200] }],
      goals: [{ label: '月目标', value: 250 }],
      annotations: [{ period: '2026-02', text: '618 直播' }],
    });
    expect(text).toBe(
      '图表：私域 GMV，2026-01 至 2026-03，共 3 个点。' +
        '私域：从 2026-01 的 ¥100.00 到 2026-03 的 ¥200.00，最高 ¥300.00（2026-02），最低 ¥100.00（2026-01）。' +
        '目标线 月目标：¥250.00。标注 2026-02：618 直播。',
    );
  });

  it('reads ratios as percents in en and says when a series has no data', () => {
    const text = ariaDescription({
      locale: 'en',
      title: 'Return rate',
      unit: 'ratio',
      categories: ['W1', 'W2'],
      series: [
        { name: 'Private', values: [0.05, 0.04] },
        { name: 'Public', values: [null, null] },
      ],
    });
    expect(text).toContain('Private: from 5.0% in W1 to 4.0% in W2');
    expect(text).toContain('Public: no data.');
  });
});

import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { shareBarOption } from './share-bar.js';

describe('shareBarOption', () => {
  it('stacks private and public shares of each row to 100 %', () => {
    const option = shareBarOption({
      locale: 'zh-CN',
      title: '私域占比',
      rows: [
        { label: 'GMV', private: 30, public: 70 },
        { label: '买家', private: 1, public: 3 },
      ],
    });
    const series = option.series as BarSeriesOption[];
    expect(series.map((s) => [s.name, s.stack])).toEqual([
      ['私域', 'share'],
      ['公域', 'share'],
    ]);
    expect(series[0]!.data).toEqual([0.3, 0.25]);
    expect(series[1]!.data).toEqual([0.7, 0.75]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['GMV', '买家']);
  });

  it('when a row has no total, then its shares are null, not 0 or NaN', () => {
    const option = shareBarOption({
      locale: 'en',
      title: 'Share',
      rows: [
        { label: 'GMV', private: 0, public: 0 },
        { label: 'Orders', private: null, public: null },
      ],
    });
    const series = option.series as BarSeriesOption[];
    expect(series[0]!.data).toEqual([null, null]);
    const aria = option.aria as { label: { description: string } };
    expect(aria.label.description).toContain('Private: no data');
  });
});

import type { RadarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { readinessRadarOption } from './readiness-radar.js';

describe('readinessRadarOption', () => {
  it('draws the latest assessment solid and the previous dashed, one axis per dimension out of 100', () => {
    const option = readinessRadarOption({
      locale: 'zh-CN',
      title: '准备度',
      dimensions: ['战略', '组织', '产品', '数据'],
      latest: { name: '本次', scores: [80, 60, null, 40] },
      previous: { name: '上次', scores: [50, 60, 20, 40] },
    });
    const radar = option.radar as { indicator: { name: string; max: number }[] };
    expect(radar.indicator.map((i) => [i.name, i.max])).toEqual([
      ['战略', 100],
      ['组织', 100],
      ['产品', 100],
      ['数据', 100],
    ]);
    const data = (option.series as RadarSeriesOption[])[0]!.data as {
      name: string;
      value: number[];
      lineStyle: { type: string };
    }[];
    expect(data.map((d) => [d.name, d.value, d.lineStyle.type])).toEqual([
      ['本次', [80, 60, 0, 40], 'solid'],
      ['上次', [50, 60, 20, 40], 'dashed'],
    ]);
    const aria = (option.aria as { label: { description: string } }).label.description;
    expect(aria).toContain('战略 80（上次 50）');
    expect(aria).toContain('产品 —（上次 20）');
  });

  it('without a previous assessment, then only the latest is drawn', () => {
    const option = readinessRadarOption({
      locale: 'en',
      title: 'Readiness',
      dimensions: ['Strategy'],
      latest: { name: 'Latest', scores: [70] },
    });
    expect(((option.series as RadarSeriesOption[])[0]!.data as unknown[]).length).toBe(1);
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      'Strategy 70.',
    );
  });
});

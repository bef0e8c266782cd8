import type { SankeySeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { sankeyLinks, tierSankeyOption } from './tier-sankey.js';

const input = {
  locale: 'en' as const,
  title: 'Tier movement',
  fromSide: 'Last week',
  toSide: 'This week',
  fromLabels: {
    high_value: 'High value',
    potential: 'Potential',
    ordinary: 'Ordinary',
    new: 'New',
  },
  toLabels: {
    high_value: 'High value',
    potential: 'Potential',
    ordinary: 'Ordinary',
    gone: 'Gone',
  },
  matrix: {
    high_value: { high_value: 10, potential: 2, ordinary: 0, gone: 0 },
    potential: { high_value: 1, potential: 30, ordinary: 5, gone: 0 },
    ordinary: { high_value: 0, potential: 4, ordinary: 100, gone: 0 },
    new: { high_value: 0, potential: 0, ordinary: 0, gone: 0 },
  },
};

describe('tierSankeyOption', () => {
  it('links every non-empty (from, to) pair, left side to right side, and leaves empty pairs out', () => {
    const links = sankeyLinks(input);
    expect(links.map((l) => [l.from, l.to, l.value])).toEqual([
      ['high_value', 'high_value', 10],
      ['high_value', 'potential', 2],
      ['potential', 'high_value', 1],
      ['potential', 'potential', 30],
      ['potential', 'ordinary', 5],
      ['ordinary', 'potential', 4],
      ['ordinary', 'ordinary', 100],
    ]);
    expect(links[4]).toMatchObject({ source: 'Last week Potential', target: 'This week Ordinary' });
    const series = (tierSankeyOption(input).series as SankeySeriesOption[])[0]!;
    expect(series.links).toHaveLength(7);
    // only nodes that carry a link: 3 tiers on each side, no "New" or "Gone"
    expect((series.data as { name: string }[]).map((d) => d.name).sort()).toEqual([
      'Last week High value',
      'Last week Ordinary',
      'Last week Potential',
      'This week High value',
      'This week Ordinary',
      'This week Potential',
    ]);
  });

  it('describes the largest moves, not the unchanged customers', () => {
    const aria = (tierSankeyOption(input).aria as { label: { description: string } }).label
      .description;
    expect(aria).toContain('Last week Potential → This week Ordinary: 5');
    expect(aria).not.toContain('Ordinary → This week Ordinary');
  });

  it('when nobody moved, then it says so in both languages', () => {
    const still = { ...input, matrix: { ordinary: { ordinary: 5 } } };
    expect(JSON.stringify(tierSankeyOption(still).aria)).toContain('No customer changed tier');
    const zh = tierSankeyOption({ ...still, locale: 'zh-CN' });
    expect(JSON.stringify(zh.aria)).toContain('没有客户变动层级');
  });
});

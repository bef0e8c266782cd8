/**
 * Week-over-week tier movement as a Sankey: last week's tiers on the left, this week's on the
 * right, a link per (from, to) pair with customers. Self links (unchanged) are drawn too, so the
 * widths read as shares of everyone; empty pairs are left out.
 */
import type { EChartsOption, SankeySeriesOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { formatChartValue } from './value-format.js';

export interface SankeyInput {
  locale: Locale;
  title: string;
  /** Node labels, left and right; an entry per key used in `matrix`. */
  fromLabels: Readonly<Record<string, string>>;
  toLabels: Readonly<Record<string, string>>;
  /** matrix[from][to]: customers. */
  matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Column headings, e.g. 上周 / 本周. */
  fromSide: string;
  toSide: string;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
  from: string;
  to: string;
}

const TIER_COLORS: Record<string, string> = {
  high_value: '#1f6feb',
  potential: '#2da44e',
  ordinary: '#8b949e',
  new: '#d29922',
  gone: '#cf222e',
};

export function sankeyLinks(input: SankeyInput): SankeyLink[] {
  const links: SankeyLink[] = [];
  for (const [from, row] of Object.entries(input.matrix)) {
    for (const [to, value] of Object.entries(row)) {
      if (!(value > 0)) continue;
      links.push({
        source: `${input.fromSide} ${input.fromLabels[from] ?? from}`,
        target: `${input.toSide} ${input.toLabels[to] ?? to}`,
        value,
        from,
        to,
      });
    }
  }
  return links;
}

export function tierSankeyOption(input: SankeyInput): EChartsOption {
  const { locale } = input;
  const links = sankeyLinks(input);
  const used = new Map<string, string>();
  for (const l of links) {
    used.set(l.source, l.from);
    used.set(l.target, l.to);
  }
  const zh = locale === 'zh-CN';
  const n = (v: number) => formatChartValue(v, 'count', locale);
  const moved = links.filter((l) => l.from !== l.to);
  const described = moved
    .sort((a, b) => b.value - a.value)
    .slice(0, 5)
    .map((l) =>
      zh
        ? `${l.source} → ${l.target} ${n(l.value)} 人`
        : `${l.source} → ${l.target}: ${n(l.value)}`,
    );
  const description = zh
    ? `桑基图：${input.title}。${moved.length === 0 ? '没有客户变动层级。' : `变动最多：${described.join('；')}。`}`
    : `Sankey: ${input.title}. ${moved.length === 0 ? 'No customer changed tier.' : `Largest moves: ${described.join('; ')}.`}`;
  const series: SankeySeriesOption = {
    id: 'movement',
    type: 'sankey',
    left: 8,
    right: 120,
    top: 16,
    bottom: 16,
    nodeGap: 14,
    emphasis: { focus: 'adjacency' },
    data: [...used].map(([name, key]) => ({
      name,
      itemStyle: { color: TIER_COLORS[key] ?? '#888' },
    })),
    links: links.map(({ source, target, value }) => ({ source, target, value })),
    lineStyle: { color: 'gradient', opacity: 0.35 },
    label: { fontSize: 11 },
  };
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    tooltip: { trigger: 'item', valueFormatter: (v) => n(typeof v === 'number' ? v : 0) },
    series: [series],
  };
}

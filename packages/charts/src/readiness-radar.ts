/** Readiness scores per dimension as a radar: the latest assessment against the previous one. */
import type { EChartsOption, RadarSeriesOption } from 'echarts';
import type { Locale } from '@yugang/metrics';
import { COLORS } from './palette.js';

export interface RadarAssessment {
  name: string;
  /** One score per dimension, 0–100, null when no question of it was answered. */
  scores: readonly (number | null)[];
}

export interface ReadinessRadarInput {
  locale: Locale;
  title: string;
  dimensions: readonly string[];
  latest: RadarAssessment;
  previous?: RadarAssessment | null;
}

const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v)));

export function readinessRadarOption(input: ReadinessRadarInput): EChartsOption {
  const zh = input.locale === 'zh-CN';
  const shown = [input.latest, ...(input.previous ? [input.previous] : [])];
  const colors = [COLORS.private, COLORS.public];
  const series: RadarSeriesOption = {
    id: 'readiness',
    type: 'radar',
    data: shown.map((a, i) => ({
      name: a.name,
      // a dimension without answers sits at the centre rather than breaking the polygon
      value: a.scores.map((s) => s ?? 0),
      itemStyle: { color: colors[i] },
      lineStyle: { color: colors[i], type: i === 0 ? 'solid' : 'dashed' },
      areaStyle: i === 0 ? { color: 'rgba(31, 111, 235, 0.15)' } : undefined,
    })),
  };
  const parts = input.dimensions.map((d, i) => {
    const now = fmt(input.latest.scores[i] ?? null);
    const before = input.previous ? fmt(input.previous.scores[i] ?? null) : null;
    if (before === null) return zh ? `${d} ${now}` : `${d} ${now}`;
    return zh ? `${d} ${now}（上次 ${before}）` : `${d} ${now} (previously ${before})`;
  });
  return {
    aria: {
      enabled: true,
      label: {
        description: zh
          ? `雷达图：${input.title}，满分 100。${parts.join('；')}。`
          : `Radar: ${input.title}, out of 100. ${parts.join('; ')}.`,
      },
    },
    animation: false,
    legend: { data: shown.map((a) => a.name), top: 0 },
    tooltip: { trigger: 'item' },
    radar: {
      indicator: input.dimensions.map((name) => ({ name, max: 100 })),
      radius: '62%',
      center: ['50%', '55%'],
    },
    series: [series],
  };
}

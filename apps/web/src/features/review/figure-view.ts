/**
 * A review figure as the card shows it: title, unit, formatted value, 环比 and 同比 changes and
 * the goal line. Pure, so the wording and the numbers are tested with literal figures.
 */
import type { ReviewFigure } from '@yugang/contract';
import { metricById, SECTION1_IDS, type Locale, type MetricUnit } from '@yugang/metrics';
import { delta, formatFigure, type Delta } from '../../lib/format';

const SIDES = {
  'zh-CN': { private: '私域', public: '公域', all: '全部' },
  en: { private: 'private', public: 'public', all: 'all' },
} as const;

const SIDED: readonly string[] = [...SECTION1_IDS, 'credited_gmv'];

export function figureUnit(figure: Pick<ReviewFigure, 'unit' | 'measure'>): MetricUnit {
  return figure.measure === 'share' ? 'ratio' : figure.unit;
}

export function figureTitle(
  figure: Pick<ReviewFigure, 'metric' | 'segment' | 'measure'>,
  locale: Locale,
): string {
  const name = metricById(figure.metric).name[locale];
  const side = SIDES[locale][figure.segment];
  if (figure.measure === 'share') {
    return locale === 'zh-CN' ? `${name} · ${side}占比` : `${name}: ${side} share`;
  }
  if (figure.segment !== 'all' && SIDED.includes(figure.metric)) {
    return locale === 'zh-CN' ? `${name} · ${side}` : `${name}, ${side}`;
  }
  return name;
}

export interface GoalView {
  text: string;
  status: 'met' | 'missed' | null;
  progress: number | null;
}

function meets(value: number, comparator: '>=' | '<=' | '=', target: number): boolean {
  if (comparator === '>=') return value >= target;
  if (comparator === '<=') return value <= target;
  return Math.abs(value - target) < 1e-9;
}

export function goalView(figure: ReviewFigure, locale: Locale): GoalView | null {
  const goal = figure.goal;
  if (!goal) return null;
  const zh = locale === 'zh-CN';
  const unit = figureUnit(figure);
  const target = formatFigure(goal.target, unit, locale);
  const value = figure.current.value;
  const status =
    typeof value === 'number'
      ? meets(value, goal.comparator, goal.target)
        ? 'met'
        : 'missed'
      : null;
  const sign = goal.comparator === '>=' ? '≥' : goal.comparator === '<=' ? '≤' : '=';
  const label =
    goal.source === 'ceiling'
      ? zh
        ? `上限 ${target}`
        : `ceiling ${target}`
      : goal.source === 'catalog'
        ? zh
          ? `参考目标 ${sign} ${target}`
          : `reference target ${sign} ${target}`
        : zh
          ? `目标 ${sign} ${target}`
          : `goal ${sign} ${target}`;
  const verdict =
    status === null
      ? ''
      : zh
        ? status === 'met'
          ? '，已达成'
          : '，未达成'
        : status === 'met'
          ? ', met'
          : ', not met';
  const progress =
    goal.progress === null
      ? ''
      : zh
        ? `，完成 ${formatFigure(goal.progress, 'ratio', locale)}`
        : `, ${formatFigure(goal.progress, 'ratio', locale)} done`;
  return { text: `${label}${progress}${verdict}`, status, progress: goal.progress };
}

export interface FigureView {
  title: string;
  unit: MetricUnit;
  value: string;
  previous: Delta | null;
  yearAgo: Delta | null;
  goal: GoalView | null;
}

export function figureView(figure: ReviewFigure, locale: Locale): FigureView {
  const unit = figureUnit(figure);
  return {
    title: figureTitle(figure, locale),
    unit,
    value: formatFigure(figure.current.value, unit, locale),
    previous: delta(figure.current.value, figure.previous.value, unit, locale),
    yearAgo: figure.yearAgo
      ? delta(figure.current.value, figure.yearAgo.value, unit, locale)
      : null,
    goal: goalView(figure, locale),
  };
}

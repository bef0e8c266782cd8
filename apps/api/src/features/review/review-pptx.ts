/**
 * The weekly review as PowerPoint: a title slide, one slide per section (its figures with 环比,
 * 同比 and goal, the insights resting on them, a native and editable line or bar chart, speaker
 * notes), a footer with window, filters and freshness on every slide, and an appendix with each
 * metric's definition, formula, numerator and denominator. Before the appendix, the incremental
 * value of the private domain (matched lift beside the naive gap, incremental vs naive ROI).
 */
import type {
  IncrementalityResponse,
  IntervalJson,
  ReviewFigure,
  ReviewResponse,
} from '@yugang/contract';
import { COLORS, formatChartValue } from '@yugang/charts';
import { formatMultiple, formatNumber, metricById, type Locale } from '@yugang/metrics';
import PptxGenJS from 'pptxgenjs';
import { allFigures, counterpart, figureLabel } from './review-charts.js';
import { deltaText, footerText, goalText, valueText, windowText } from './review-text.js';

const FONT = 'Microsoft YaHei';
const W = 13.333;

const L = {
  'zh-CN': {
    title: '私域周报',
    metric: '指标',
    now: '本周',
    prev: '上周 / 环比',
    yearAgo: '去年同期 / 同比',
    goal: '目标',
    appendix: '附录：指标口径',
    numerator: '分子',
    denominator: '分母',
    window: '窗口',
    insights: '要点',
    incrementality: '私域增量价值',
    measure: '每位入群客户',
    matched: '配对后增量',
    interval: '90% 区间',
    naive: '私域 − 公域直接差距',
    orders: '订单数',
    gmv: 'GMV',
    grossProfit: '毛利',
    roiIncremental: '增量 ROI',
    roiNaive: '直接 ROI',
    sample: (members: string, unmatched: string, months: number) =>
      `配对 ${members} 位入群客户（${unmatched} 位无法配对），比较入群后 ${months} 个月。`,
    noData: (eligible: string) =>
      `数据不足以估计增量：入群前有订单的入群客户 ${eligible} 位，找不到足够可配对的未入群客户。暂不展示数字，先积累更多入群与订单数据。`,
    noRoi: '这些月份没有私域成本，无法计算 ROI。',
  },
  en: {
    title: 'Private-domain weekly review',
    metric: 'Metric',
    now: 'This period',
    prev: 'Previous / change',
    yearAgo: 'Year ago / change',
    goal: 'Goal',
    appendix: 'Appendix: metric definitions',
    numerator: 'Numerator',
    denominator: 'Denominator',
    window: 'Window',
    insights: 'Insights',
    incrementality: 'Incremental value of the private domain',
    measure: 'Per member',
    matched: 'Matched lift',
    interval: '90% interval',
    naive: 'Private − public gap',
    orders: 'Orders',
    gmv: 'GMV',
    grossProfit: 'Gross profit',
    roiIncremental: 'Incremental ROI',
    roiNaive: 'Naive ROI',
    sample: (members: string, unmatched: string, months: number) =>
      `${members} members matched (${unmatched} could not be), compared over ${months} months after joining.`,
    noData: (eligible: string) =>
      `The data cannot support the analysis yet: ${eligible} members had an order before joining, too few with matching non-members. No numbers are shown until more join and order data arrive.`,
    noRoi: 'No private costs in these months, so no ROI.',
  },
} as const;

type Slide = ReturnType<PptxGenJS['addSlide']>;

function footer(slide: Slide, r: ReviewResponse, locale: Locale): void {
  slide.addText(footerText(r, locale), {
    x: 0.4,
    y: 7.05,
    w: W - 0.8,
    h: 0.35,
    fontSize: 9,
    color: '666666',
    fontFace: FONT,
  });
}

function figureRow(r: ReviewResponse, f: ReviewFigure, locale: Locale) {
  const v = (x: number | null | undefined) => valueText(f, x, locale);
  const monthly = f.seriesGrain === 'month' ? (locale === 'zh-CN' ? '（月）' : ' (month)') : '';
  return [
    `${figureLabel(f, locale)}${monthly}`,
    v(f.current.value),
    `${v(f.previous.value)} / ${deltaText(f, f.previous.value, locale)}`,
    f.yearAgo ? `${v(f.yearAgo.value)} / ${deltaText(f, f.yearAgo.value, locale)}` : '—',
    goalText(f, locale),
  ].map((text) => ({ text, options: { fontFace: FONT, fontSize: 11 } }));
}

function sectionSlide(pptx: PptxGenJS, r: ReviewResponse, index: number, locale: Locale): void {
  const section = r.sections[index]!;
  const t = L[locale];
  const slide = pptx.addSlide();
  slide.addText(section.title[locale], {
    x: 0.4,
    y: 0.25,
    w: W - 0.8,
    h: 0.6,
    fontSize: 24,
    bold: true,
    fontFace: FONT,
  });
  const head = [t.metric, t.now, t.prev, t.yearAgo, t.goal].map((text) => ({
    text,
    options: { bold: true, fontFace: FONT, fontSize: 11, fill: { color: 'EEF2F7' } },
  }));
  slide.addTable([head, ...section.figures.map((f) => figureRow(r, f, locale))], {
    x: 0.4,
    y: 1.0,
    w: 7.4,
    colW: [2.4, 1.1, 1.4, 1.4, 1.1],
    border: { type: 'solid', color: 'DDDDDD', pt: 0.5 },
  });
  const keys = new Set(section.figures.map((f) => f.key));
  const insights = r.insights.filter((i) => i.figures.some((x) => keys.has(x.key)));
  if (insights.length > 0) {
    slide.addText(
      insights.map((i) => ({ text: i.text[locale], options: { bullet: true, breakLine: true } })),
      { x: 0.4, y: 5.2, w: 7.4, h: 1.7, fontSize: 13, fontFace: FONT, valign: 'top' },
    );
  }
  const main = section.figures[0]!;
  const other = counterpart(r, main);
  const labels = main.series.map((p) => p.period.slice(5));
  const data = [
    { name: figureLabel(main, locale), labels, values: main.series.map((p) => p.value ?? 0) },
    ...(other
      ? [
          {
            name: figureLabel(other, locale),
            labels,
            values: other.series.map((p) => p.value ?? 0),
          },
        ]
      : []),
  ];
  const kind = section.id === 'alerts' ? pptx.ChartType.bar : pptx.ChartType.line;
  slide.addChart(kind, data, {
    x: 8.0,
    y: 1.0,
    w: 5.0,
    h: 3.8,
    chartColors: [COLORS.private.slice(1), COLORS.public.slice(1)],
    showLegend: true,
    legendPos: 'b',
    legendFontFace: FONT,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
    showTitle: true,
    title: figureLabel(main, locale),
    titleFontFace: FONT,
    titleFontSize: 12,
  });
  const notes = [
    `${section.title[locale]} · ${windowText(r, locale)}`,
    ...section.figures.map(
      (f) =>
        `${figureLabel(f, locale)}: ${valueText(f, f.current.value, locale)} (${f.current.numerator} / ${f.current.denominator}; ${f.window.from} – ${f.window.to})`,
    ),
    ...insights.map((i) => i.text[locale]),
  ];
  slide.addNotes(notes.join('\n'));
  footer(slide, r, locale);
}

function incrementalitySlide(
  pptx: PptxGenJS,
  r: ReviewResponse,
  inc: IncrementalityResponse,
  locale: Locale,
): void {
  const t = L[locale];
  const slide = pptx.addSlide();
  slide.addText(t.incrementality, {
    x: 0.4,
    y: 0.25,
    w: W - 0.8,
    h: 0.6,
    fontSize: 24,
    bold: true,
    fontFace: FONT,
  });
  const m = inc.matched;
  const n = (x: number) => formatNumber(x, locale, { digits: 0 });
  const gp = m.perMember.grossProfit;
  if (m.members === 0 || gp.low === null || gp.high === null) {
    const text = t.noData(n(m.eligible));
    slide.addText(text, { x: 0.4, y: 1.2, w: W - 0.8, h: 1.5, fontSize: 18, fontFace: FONT });
    slide.addNotes([t.incrementality, text, inc.summary[locale]].join('\n'));
    footer(slide, r, locale);
    return;
  }
  slide.addText(inc.summary[locale], {
    x: 0.4,
    y: 0.95,
    w: W - 0.8,
    h: 0.7,
    fontSize: 20,
    bold: true,
    color: COLORS.private.slice(1),
    fontFace: FONT,
  });
  const cell = (text: string, bold = false) => ({
    text,
    options: { fontFace: FONT, fontSize: 12, bold, ...(bold ? { fill: { color: 'EEF2F7' } } : {}) },
  });
  const money = (x: number | null) => formatChartValue(x, 'money', locale);
  const count = (x: number | null) => formatNumber(x, locale, { digits: 2 });
  const range = (f: IntervalJson, fmt: (x: number | null) => string) =>
    f.low === null || f.high === null ? '—' : `${fmt(f.low)} – ${fmt(f.high)}`;
  const measures = [
    ['grossProfit', t.grossProfit, money],
    ['gmv', t.gmv, money],
    ['orders', t.orders, count],
  ] as const;
  slide.addTable(
    [
      [t.measure, t.matched, t.interval, t.naive].map((x) => cell(x, true)),
      ...measures.map(([key, label, fmt]) => [
        cell(label),
        cell(fmt(m.perMember[key].estimate), true),
        cell(range(m.perMember[key], fmt)),
        cell(fmt(inc.naive.perMember[key].estimate)),
      ]),
    ],
    {
      x: 0.4,
      y: 1.8,
      w: 8.4,
      colW: [1.8, 2.0, 2.6, 2.0],
      border: { type: 'solid', color: 'DDDDDD', pt: 0.5 },
    },
  );
  const x = (v: number | null) => formatMultiple(v, locale, { digits: 2 });
  const roiLines = inc.roi
    ? [
        `${t.roiIncremental}: ${x(inc.roi.incremental.estimate)} (${t.interval} ${range(inc.roi.incremental, x)})`,
        `${t.roiNaive}: ${x(inc.roi.naive.estimate)}`,
        inc.roi.whichToUse[locale],
      ]
    : [t.noRoi];
  slide.addText(
    roiLines.map((text, i) => ({ text, options: { breakLine: true, bold: i === 0 } })),
    { x: 9.1, y: 1.8, w: 3.8, h: 3.4, fontSize: 13, fontFace: FONT, valign: 'top' },
  );
  const sample = t.sample(n(m.members), n(m.unmatched), inc.months);
  slide.addText(sample, { x: 0.4, y: 4.2, w: 8.4, h: 0.5, fontSize: 12, fontFace: FONT });
  slide.addNotes(
    [
      `${t.incrementality} · ${inc.asOf}`,
      inc.summary[locale],
      sample,
      ...roiLines,
      ...inc.assumptions.map((a) => a[locale]),
    ].join('\n'),
  );
  footer(slide, r, locale);
}

function appendix(pptx: PptxGenJS, r: ReviewResponse, locale: Locale): void {
  const t = L[locale];
  const figures = allFigures(r);
  const perSlide = 6;
  for (let i = 0; i < figures.length; i += perSlide) {
    const slide = pptx.addSlide();
    slide.addText(t.appendix, {
      x: 0.4,
      y: 0.25,
      w: W - 0.8,
      h: 0.6,
      fontSize: 22,
      bold: true,
      fontFace: FONT,
    });
    const rows = figures.slice(i, i + perSlide).map((f) => {
      const m = metricById(f.metric);
      return [
        figureLabel(f, locale),
        `${m.definition[locale]}\n${m.formula[locale]}`,
        `${t.numerator} ${f.current.numerator} · ${t.denominator} ${f.current.denominator}\n${t.window} ${f.window.from} – ${f.window.to}`,
      ].map((text) => ({
        text,
        options: { fontFace: FONT, fontSize: 10, valign: 'top' as const },
      }));
    });
    slide.addTable(rows, {
      x: 0.4,
      y: 1.0,
      w: W - 0.8,
      colW: [2.6, 6.3, 3.6],
      border: { type: 'solid', color: 'DDDDDD', pt: 0.5 },
    });
    footer(slide, r, locale);
  }
}

/** The review as a .pptx file; the incrementality slide when its answer is given. */
export async function reviewPptx(
  r: ReviewResponse,
  locale: Locale,
  incrementality: IncrementalityResponse | null = null,
): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${L[locale].title} ${r.week}`;
  const cover = pptx.addSlide();
  cover.addText(`${L[locale].title} · ${windowText(r, locale)}`, {
    x: 0.6,
    y: 1.2,
    w: W - 1.2,
    h: 1,
    fontSize: 32,
    bold: true,
    fontFace: FONT,
  });
  cover.addText(
    r.insights.map((i) => ({ text: i.text[locale], options: { bullet: true, breakLine: true } })),
    { x: 0.6, y: 2.6, w: W - 1.2, h: 4, fontSize: 18, fontFace: FONT, valign: 'top' },
  );
  cover.addNotes(r.insights.map((i) => i.text[locale]).join('\n'));
  footer(cover, r, locale);
  r.sections.forEach((_s, i) => sectionSlide(pptx, r, i, locale));
  if (incrementality) incrementalitySlide(pptx, r, incrementality, locale);
  appendix(pptx, r, locale);
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

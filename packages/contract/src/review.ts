/**
 * The weekly review (周报): one ISO week's headline figures in sections, each with last week
 * (环比), the same ISO week last year (同比), its goal, a short series for a sparkline and its
 * evidence; rule-based insights; and how fresh the data is. The PPTX, PDF and chart PNGs are
 * built from this same answer.
 */
import { LOCALES, METRIC_IDS, METRIC_UNITS } from '@yugang/metrics';
import { z } from 'zod';
import { evidenceSchema, windowSchema } from './evidence.js';
import { defineRoute } from './route.js';
import { isoWeek } from './window.js';

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const reviewQuery = z.object({
  week: isoWeek
    .optional()
    .describe('ISO week, Monday start (default: the last complete week up to the latest data day)'),
});

export const reviewExportQuery = reviewQuery.extend({
  lang: z.enum(LOCALES).default('zh-CN').describe('language of the slides or pages'),
});

export const reviewChartParams = z.object({
  name: z.string().regex(/^[a-z0-9_-]+\.png$/, 'expected <chart>.png'),
});

export const REVIEW_SECTIONS = [
  'gmv',
  'members',
  'customer_value',
  'economics',
  'team',
  'alerts',
] as const;
export type ReviewSectionId = (typeof REVIEW_SECTIONS)[number];

export const reviewFigureSchema = z.object({
  key: z.string().describe('unique in the review, e.g. purchase_frequency_public'),
  metric: z.enum(METRIC_IDS).describe('catalog id (definition, formula, unit)'),
  segment: z.enum(['public', 'private', 'all']),
  unit: z.enum(METRIC_UNITS).describe('catalog unit; money in yuan here'),
  measure: z
    .enum(['value', 'share'])
    .describe('share: the segment’s share of the total (value = numerator ÷ denominator)'),
  window: windowSchema.describe('the window this figure is computed over'),
  current: evidenceSchema,
  previous: evidenceSchema.describe('环比: the window just before (last week or last month)'),
  yearAgo: evidenceSchema
    .nullable()
    .describe('同比: the same window a year earlier; null without data'),
  goal: z
    .object({
      target: z.number(),
      comparator: z.enum(['>=', '<=', '=']),
      source: z.enum(['goal', 'catalog', 'ceiling']),
      progress: z.number().nullable().describe('current ÷ target (goals only)'),
      periodStart: z.string().nullable(),
      periodEnd: z.string().nullable(),
    })
    .nullable(),
  series: z
    .array(z.object({ period: z.string(), value: z.number().nullable() }))
    .describe('8–12 periods ending with this one, oldest first'),
  seriesGrain: z.enum(['week', 'month']),
});
export type ReviewFigure = z.output<typeof reviewFigureSchema>;

export const reviewInsightSchema = z.object({
  rule: z.string(),
  text: localized,
  figures: z.array(z.object({ metric: z.string(), key: z.string(), value: z.number().nullable() })),
});

export const reviewResponse = z.object({
  week: z.string(),
  window: windowSchema,
  previousWindow: windowSchema,
  yearAgoWindow: windowSchema,
  timeZone: z.string(),
  filters: z.object({ segment: z.string(), channels: z.string() }),
  sections: z.array(
    z.object({
      id: z.enum(REVIEW_SECTIONS),
      title: localized,
      figures: z.array(reviewFigureSchema),
    }),
  ),
  insights: z.array(reviewInsightSchema),
  freshness: z.object({
    latestDataDay: z.string().nullable().describe('the latest local day with orders'),
    imports: z.array(
      z.object({
        kind: z.string(),
        finishedAt: z.string(),
        rows: z.number(),
        fileName: z.string(),
      }),
    ),
  }),
});
export type ReviewResponse = z.output<typeof reviewResponse>;

const PATH = '/workspaces/:ws/review';

export const reviewContract = {
  get: defineRoute({
    method: 'get',
    path: PATH,
    access: 'viewer',
    summary:
      'The weekly review (周报): headline figures with 环比, 同比, goals, sparklines, evidence and insights',
    query: reviewQuery,
    response: reviewResponse,
    cache: 'data+edits',
  }),
  pptx: defineRoute({
    method: 'get',
    path: `${PATH}.pptx`,
    access: 'viewer',
    summary: 'The weekly review as editable PowerPoint slides with an evidence appendix',
    description:
      'Answers 200 with a .pptx file (application/vnd.openxmlformats-officedocument.presentationml.presentation): a cover with the insights, one slide per section with native charts and speaker notes, a footer with window, filters and freshness, and an appendix of metric definitions.',
    tags: ['review'],
    query: reviewExportQuery,
  }),
  pdf: defineRoute({
    method: 'get',
    path: `${PATH}.pdf`,
    access: 'viewer',
    summary: 'The weekly review page printed by headless Chromium (A4 landscape)',
    description:
      'Answers 200 with application/pdf: the web app’s review page printed as the caller (a session of the caller’s user, minted for the print and deleted after it).',
    tags: ['review'],
    query: reviewExportQuery,
    errors: {
      422: 'an API key has no user to print the page as',
      501: 'no Chromium on this server, or no web app to print',
    },
  }),
  chart: defineRoute({
    method: 'get',
    path: `${PATH}/charts/:name`,
    access: 'viewer',
    summary: 'A review chart as a PNG (ECharts rendered on the server), for pushes and slides',
    description:
      'Answers 200 with image/png, 1600×800: `share`, or the trend of any figure key of the review (e.g. credited_gmv_private.png). 501 without a CJK font.',
    tags: ['review'],
    errors: { 501: 'no CJK font (fonts-noto-cjk) on this server' },
    params: reviewChartParams,
    query: reviewExportQuery,
  }),
};

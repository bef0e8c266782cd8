/** URL search params of the analysis pages: the window and each page's filters, validated once. */
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

export const WINDOW_PRESETS = [
  'last_week',
  'this_month',
  'last_month',
  'last_12_months',
  'custom',
] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export const windowSearch = z.object({
  preset: z.enum(WINDOW_PRESETS).optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
});
export type WindowSearch = z.output<typeof windowSearch>;

export const compareSearch = windowSearch;

export const cohortsSearch = z.object({
  basis: z.enum(['first_order', 'private_join']).optional().catch(undefined),
  group: z.enum(['all', 'private', 'public']).optional().catch(undefined),
  show: z.enum(['percent', 'count']).optional().catch(undefined),
  asOf: month.optional().catch(undefined),
  cohort: month.optional().catch(undefined),
});

export const roiSearch = windowSearch;

export const tiersSearch = z.object({
  asOf: date.optional().catch(undefined),
});

export const communitySearch = z.object({
  asOf: date.optional().catch(undefined),
  group: z.string().max(200).optional().catch(undefined),
});

export const riskSearch = windowSearch.extend({
  account: z.string().max(200).optional().catch(undefined),
});

export const ltvSearch = z.object({
  basis: z.enum(['first_order', 'private_join']).optional().catch(undefined),
  measure: z.enum(['gmv', 'gross_profit']).optional().catch(undefined),
  group: z.enum(['all', 'private', 'public']).optional().catch(undefined),
});

export const attributionSearch = windowSearch.extend({
  grain: z.enum(['month', 'week']).optional().catch(undefined),
});

/** URL search params of the analysis pages: the window and each page's filters, validated once. */
import { presetWindow, WINDOW_PRESETS, type DateWindow, type WindowPreset } from '@yugang/contract';
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

export const windowSearch = z.object({
  preset: z.enum(WINDOW_PRESETS).optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
});
export type WindowSearch = z.output<typeof windowSearch>;

/** The window the search names, around the latest data day (inclusive). */
export function windowOf(
  search: WindowSearch,
  latestDay: string,
  fallback: WindowPreset,
): DateWindow {
  const preset = search.preset ?? fallback;
  if (preset === 'custom') {
    if (search.from && search.to && search.from < search.to)
      return { from: search.from, to: search.to };
    const { from, to } = presetWindow('last_month', latestDay);
    return { from, to };
  }
  const { from, to } = presetWindow(preset, latestDay);
  return { from, to };
}

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

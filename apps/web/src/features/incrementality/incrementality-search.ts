/** The incrementality page's URL: months after joining compared, and the experiment opened. */
import { z } from 'zod';

export const MONTH_CHOICES = [3, 6, 12] as const;

export const incrementalitySearch = z.object({
  months: z.coerce.number().int().min(1).max(24).optional().catch(undefined),
  experiment: z.string().max(200).optional().catch(undefined),
});

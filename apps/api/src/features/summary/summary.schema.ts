import { SECTION1_IDS } from '@yugang/metrics';
import { z } from 'zod';
import { dateRangeQuery } from '../../http/schemas.js';
import { segmentEvidenceSchema, windowSchema } from '../../read-model/read-model.schema.js';

export const summaryQuery = dateRangeQuery;

const source = z.enum(['week', 'month', 'customer_day']);

export const summaryResponse = z.object({
  window: windowSchema,
  previousWindow: windowSchema,
  source: z
    .object({ current: source, previous: source })
    .describe('which read-model table answered each window'),
  metrics: z.record(
    z.enum(SECTION1_IDS),
    segmentEvidenceSchema.extend({ previous: segmentEvidenceSchema }),
  ),
});

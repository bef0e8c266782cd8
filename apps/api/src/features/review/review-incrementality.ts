/* eslint-disable import-x/no-restricted-paths -- the review is where features are composed (like warm-up/): the incrementality slide reads the matched analysis through the service that answers it */
/**
 * The incrementality answer the review's slide shows: the matched analysis over 6 months up to the
 * review's month, from the per-data-version cache (only the first export computes it).
 */
import type { IncrementalityResponse, ReviewResponse } from '@yugang/contract';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { cachedIncrementality } from '../incrementality/incrementality.service.js';

export const REVIEW_INCREMENTALITY_MONTHS = 6;

export function reviewIncrementality(
  db: Kysely<Database>,
  workspace: Pick<Workspace, 'id'>,
  r: Pick<ReviewResponse, 'window'>,
): Promise<IncrementalityResponse> {
  return cachedIncrementality(db, workspace, {
    // Only whole months before asOf's month count, so every week of a month shares one cache entry.
    asOf: `${r.window.to.slice(0, 7)}-01`,
    months: REVIEW_INCREMENTALITY_MONTHS,
  });
}

import { figure, ratio, startOfLocalDate, type DateWindow } from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import { membershipCounts } from '../../read-model/read-model.membership.js';

/** The member figures of a window, in the shape of memberChurn (@yugang/metrics), kept per data version. */
export async function membership(
  db: Kysely<Database>,
  workspace: Pick<Workspace, 'id' | 'time_zone'>,
  window: DateWindow,
) {
  const { value } = await readModelCache.get(
    db,
    workspace.id,
    'membership',
    [window.from, window.to],
    async () => {
      const counts = await membershipCounts(
        db,
        workspace.id,
        startOfLocalDate(window.from, workspace.time_zone),
        startOfLocalDate(window.to, workspace.time_zone),
      );
      return {
        private_members: figure(counts.atEnd),
        new_private_members: figure(counts.joined),
        churned_members: figure(counts.churned),
        member_churn_rate: ratio(counts.churned, counts.atStart, 'no members at window start'),
        members_at_start: figure(counts.atStart),
      };
    },
  );
  return { window, metrics: value };
}

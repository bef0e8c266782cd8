import {
  figure,
  periodEnd,
  periodStarts,
  ratio,
  startOfLocalDate,
  type DateWindow,
  type MemberPeriod,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { readModelCache } from '../../read-model/read-model-cache.js';
import {
  membershipCounts,
  membershipSeriesCounts,
} from '../../read-model/read-model.membership.js';

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

/**
 * The members trend, in the shape of memberSeries (@yugang/metrics): each whole week or month
 * overlapping the window, counted in one pass over the members.
 */
export async function membershipTrend(
  db: Kysely<Database>,
  workspace: Pick<Workspace, 'id' | 'time_zone'>,
  input: { grain: 'week' | 'month'; from: string; to: string },
): Promise<{ grain: 'week' | 'month'; from: string; to: string; points: MemberPeriod[] }> {
  const { grain } = input;
  const starts = periodStarts(grain, input.from, input.to);
  const last = starts.at(-1);
  const days = last === undefined ? [] : [...starts, periodEnd(grain, last)];
  const counts = await membershipSeriesCounts(
    db,
    workspace.id,
    days.map((day) => startOfLocalDate(day, workspace.time_zone)),
  );
  const points = starts.map((period, i) => ({
    period,
    private_members: figure(counts[i]?.atEnd ?? 0),
    new_private_members: figure(counts[i]?.joined ?? 0),
    churned_members: figure(counts[i]?.churned ?? 0),
  }));
  return { grain, from: starts[0] ?? input.from, to: input.to, points };
}

/** GET community for the page: groups with the alerting ones first, and one group's weekly trend. Pure. */
import type { communityContract, ResponseOf } from '@yugang/contract';

type Community = ResponseOf<typeof communityContract.get>;
export type CommunityGroup = Community['groups'][number];

/** How loudly a group asks for attention: hollow growth, then flooding, then below the guideline. */
export function alertRank(group: CommunityGroup): number {
  if (group.trend.hollowGrowth) return 0;
  if (group.internal.flooding) return 1;
  if (group.internal.meetsGuideline === false) return 2;
  return 3;
}

/** Alerting groups first; within a rank, the larger groups first, then by name. */
export function groupsByAlert(data: Community): CommunityGroup[] {
  return [...data.groups].sort(
    (a, b) => alertRank(a) - alertRank(b) || b.members - a.members || a.name.localeCompare(b.name),
  );
}

export interface GroupWeeks {
  weeks: string[];
  members: (number | null)[];
  activity: (number | null)[];
  joins: number[];
  leaves: number[];
}

export function groupWeeks(group: CommunityGroup): GroupWeeks {
  return {
    weeks: group.trend.weeks.map((w) => w.from),
    members: group.trend.weeks.map((w) => w.members),
    activity: group.trend.weeks.map((w) => w.activityRate.value),
    joins: group.trend.weeks.map((w) => w.joins),
    leaves: group.trend.weeks.map((w) => w.leaves),
  };
}

import {
  addDays,
  coldStart,
  DEFAULT_COMMUNITY_SETTINGS,
  DEFAULT_HOLLOW_GROWTH_SETTINGS,
  groupHealth,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { groupDays, groupsWithFirstDate } from './community.queries.js';

type Db = Kysely<Database>;

/** A group counts as new (its cold start is shown) when its first day is this recent. */
export const NEW_GROUP_DAYS = 28;

/**
 * Per-group health as of `asOf` (exclusive local date): latest members and activity, the 7-day
 * activity, internal presence (guideline and flooding) and the 4-week trend with the
 * hollow-growth flag; plus the cold start of groups first seen in the last 28 days.
 */
export async function community(db: Db, workspace: Workspace, asOf: string) {
  const trendDays = DEFAULT_HOLLOW_GROWTH_SETTINGS.days;
  const from = addDays(asOf, -Math.max(trendDays, NEW_GROUP_DAYS));
  const [rows, groups] = await Promise.all([
    groupDays(db, workspace.id, from, asOf),
    groupsWithFirstDate(db, workspace.id, asOf),
  ]);
  const info = new Map(groups.map((g) => [g.id, g]));
  let dataStart: string | null = null;
  for (const g of groups) {
    if (g.firstDate !== null && (dataStart === null || g.firstDate < dataStart)) {
      dataStart = g.firstDate;
    }
  }
  const health = groupHealth(rows, asOf).map((h) => ({
    ...h,
    name: info.get(h.groupId)?.name ?? '',
  }));
  const newSince = addDays(asOf, -NEW_GROUP_DAYS);
  const newGroups = new Set(
    groups.filter((g) => g.firstDate !== null && g.firstDate >= newSince).map((g) => g.id),
  );
  const starts = coldStart(rows.filter((r) => newGroups.has(r.groupId))).map((c) => ({
    ...c,
    name: info.get(c.groupId)?.name ?? '',
    // Judged against all the workspace's data, not only the rows read here.
    startsAtDataStart: c.firstDate === dataStart,
  }));
  return {
    asOf,
    guideline: DEFAULT_COMMUNITY_SETTINGS,
    groups: health,
    hollowGrowth: health
      .filter((h) => h.trend.hollowGrowth)
      .map((h) => ({
        groupId: h.groupId,
        name: h.name,
        memberChange: h.trend.memberChange,
        activityChange: h.trend.activityChange,
      })),
    belowGuideline: health.filter((h) => h.internal.meetsGuideline === false).map((h) => h.groupId),
    flooding: health.filter((h) => h.internal.flooding === true).map((h) => h.groupId),
    coldStart: starts,
  };
}

/**
 * Communities (METRICS.md §5; seed 000 Q7, seed 002 §2 scene two).
 *
 * Input is one row per group per local date (the import's key). `asOf` is a local date and,
 * like a window's `to`, exclusive: figures "as of 2024-04-01" use the days up to 2024-03-31.
 */
import { ratio, type Evidence } from './evidence.js';
import type { GroupDayRecord } from './records.js';
import { addDays, daysBetween } from './time.js';

/** activity_rate = active members (spoke that day) / members. */
export function activityRate(day: GroupDayRecord): Evidence {
  return ratio(day.activeMembers, day.members, 'the group had no members that day');
}

export interface CommunitySettings {
  /** Seed 000 Q7: 每100人的群至少安排5个内部账号. */
  internalPer100Guideline: number;
  /** Flag flooding when internal members write more than this share of the messages. */
  floodingShare: number;
}

export const DEFAULT_COMMUNITY_SETTINGS: CommunitySettings = {
  internalPer100Guideline: 5,
  floodingShare: 0.5,
};

export interface InternalPresence {
  /** Internal members / members (the catalog's internal_member_ratio; guideline ≥ 0.05). */
  ratio: Evidence;
  /** The same per 100 members (value 5 = 5 per 100; numerator internal, denominator members). */
  per100: Evidence;
  /** per100 ≥ the guideline; null when there are no members. */
  meetsGuideline: boolean | null;
  /** Internal messages / messages over the days where internal messages are known; null if none. */
  messageShare: Evidence | null;
  /** messageShare > floodingShare; null when unknown. */
  flooding: boolean | null;
}

/** Internal members and their share of the talk, pooled over the given days. */
export function internalPresence(
  days: readonly GroupDayRecord[],
  settings: CommunitySettings = DEFAULT_COMMUNITY_SETTINGS,
): InternalPresence {
  let internal = 0;
  let members = 0;
  let internalMessages = 0;
  let messages = 0;
  let known = false;
  for (const d of days) {
    internal += d.internalMembers;
    members += d.members;
    if (d.internalMessages !== null) {
      known = true;
      internalMessages += d.internalMessages;
      messages += d.messages;
    }
  }
  const share = ratio(internal, members, 'no members');
  const per100: Evidence = share.value === null ? share : { ...share, value: share.value * 100 };
  const messageShare = known
    ? ratio(internalMessages, messages, 'no messages on the days with internal counts')
    : null;
  return {
    ratio: share,
    per100,
    meetsGuideline: per100.value === null ? null : per100.value >= settings.internalPer100Guideline,
    messageShare,
    flooding:
      messageShare === null || messageShare.value === null
        ? null
        : messageShare.value > settings.floodingShare,
  };
}

export interface GroupDayActivity {
  groupId: string;
  date: string;
  members: number;
  activityRate: Evidence;
  internal: InternalPresence;
}

/** Per group per day: activity rate and internal presence, sorted by group then date. */
export function groupDayActivity(
  groupDays: readonly GroupDayRecord[],
  settings: CommunitySettings = DEFAULT_COMMUNITY_SETTINGS,
): GroupDayActivity[] {
  return sortDays(groupDays).map((d) => ({
    groupId: d.groupId,
    date: d.date,
    members: d.members,
    activityRate: activityRate(d),
    internal: internalPresence([d], settings),
  }));
}

export interface HollowGrowthSettings {
  /** Length of the trend window in days before asOf (4 weeks). */
  days: number;
  /** Fewest days with data in the window, and at least one in its first and last 7 days. */
  minDays: number;
  /**
   * A trend is the least-squares change over the window relative to the mean level. Members
   * "trend up" when that change is ≥ this (default 2% over 4 weeks); anything smaller is flat,
   * so rounding and day-to-day noise do not read as a trend.
   */
  minMemberGrowth: number;
  /** The activity rate "trends down" when its relative change is ≤ −this (default 2%). */
  minActivityDrop: number;
}

export const DEFAULT_HOLLOW_GROWTH_SETTINGS: HollowGrowthSettings = {
  days: 28,
  minDays: 14,
  minMemberGrowth: 0.02,
  minActivityDrop: 0.02,
};

export interface WeekBlock {
  /** First date of the 7-day block (blocks end at asOf; they are not calendar weeks). */
  from: string;
  /** Mean members over the block's days with data; null without data. */
  members: number | null;
  /** Σ active / Σ members over the block. */
  activityRate: Evidence;
  /** Σ joins and Σ leaves over the block's days with data (catalog group_joins, group_leaves). */
  joins: number;
  leaves: number;
}

export interface GroupTrend {
  groupId: string;
  /** The trend window [from, to). */
  from: string;
  to: string;
  daysWithData: number;
  enoughData: boolean;
  /** Least-squares slope of daily members, per day. */
  membersSlopePerDay: number | null;
  /** Least-squares slope of the daily activity rate, per day. */
  activitySlopePerDay: number | null;
  /** Fitted change over the window relative to the mean level (0.1 = +10%). */
  memberChange: number | null;
  activityChange: number | null;
  /** Σ joins and Σ leaves over the window's days with data. */
  joins: number;
  leaves: number;
  weeks: WeekBlock[];
  /** 群员数上涨,活跃度下滑: members trend up while the activity rate trends down. */
  hollowGrowth: boolean;
  reason?: string;
}

/** Least-squares slope of y on x; null with fewer than two distinct x. */
function slope(points: ReadonlyArray<readonly [number, number]>): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  return sxx === 0 ? null : sxy / sxx;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The 4-week trend of one group's rows. Members and the daily activity rate (days with members
 * only) are each fitted by least squares on the day index; a fitted change is slope × (days − 1)
 * divided by the mean level. Hollow growth fires when the member trend is up and the activity
 * trend is down (beyond the optional thresholds), and only with enough data.
 */
function trendOf(
  groupId: string,
  rows: readonly GroupDayRecord[],
  asOf: string,
  settings: HollowGrowthSettings,
): GroupTrend {
  const from = addDays(asOf, -settings.days);
  const inRange = rows.filter((r) => r.date >= from && r.date < asOf);
  const memberPoints = inRange.map((r) => [daysBetween(from, r.date), r.members] as const);
  const ratePoints = inRange
    .filter((r) => r.members > 0)
    .map((r) => [daysBetween(from, r.date), r.activeMembers / r.members] as const);
  const firstWeekSeen = inRange.some((r) => r.date < addDays(from, 7));
  const lastWeekSeen = inRange.some((r) => r.date >= addDays(asOf, -7));
  const enoughData =
    inRange.length >= settings.minDays &&
    ratePoints.length >= settings.minDays &&
    firstWeekSeen &&
    lastWeekSeen;
  const membersSlopePerDay = slope(memberPoints);
  const activitySlopePerDay = slope(ratePoints);
  const span = settings.days - 1;
  const meanMembers = mean(memberPoints.map(([, y]) => y));
  const meanRate = mean(ratePoints.map(([, y]) => y));
  const memberChange =
    membersSlopePerDay === null || !meanMembers ? null : (membersSlopePerDay * span) / meanMembers;
  const activityChange =
    activitySlopePerDay === null || !meanRate ? null : (activitySlopePerDay * span) / meanRate;
  const weeks: WeekBlock[] = [];
  for (let start = from; start < asOf; start = addDays(start, 7)) {
    const end = addDays(start, 7);
    const block = inRange.filter((r) => r.date >= start && r.date < end);
    weeks.push({
      from: start,
      members: mean(block.map((r) => r.members)),
      activityRate: ratio(
        block.reduce((s, r) => s + r.activeMembers, 0),
        block.reduce((s, r) => s + r.members, 0),
        'no data that week',
      ),
      joins: block.reduce((s, r) => s + r.joins, 0),
      leaves: block.reduce((s, r) => s + r.leaves, 0),
    });
  }
  const hollowGrowth =
    enoughData &&
    memberChange !== null &&
    activityChange !== null &&
    memberChange > 0 &&
    memberChange >= settings.minMemberGrowth &&
    activityChange < 0 &&
    activityChange <= -settings.minActivityDrop;
  const trend: GroupTrend = {
    groupId,
    from,
    to: asOf,
    daysWithData: inRange.length,
    enoughData,
    membersSlopePerDay,
    activitySlopePerDay,
    memberChange,
    activityChange,
    joins: inRange.reduce((s, r) => s + r.joins, 0),
    leaves: inRange.reduce((s, r) => s + r.leaves, 0),
    weeks,
    hollowGrowth,
  };
  if (!enoughData) {
    trend.reason = `needs ${settings.minDays} days with members in the last ${settings.days}, including the first and last week`;
  }
  return trend;
}

function byGroup(groupDays: readonly GroupDayRecord[]): Map<string, GroupDayRecord[]> {
  const groups = new Map<string, GroupDayRecord[]>();
  for (const d of sortDays(groupDays)) {
    const list = groups.get(d.groupId);
    if (list) list.push(d);
    else groups.set(d.groupId, [d]);
  }
  return groups;
}

function sortDays(groupDays: readonly GroupDayRecord[]): GroupDayRecord[] {
  const key = (d: GroupDayRecord): string => `${d.groupId}\u0000${d.date}`;
  return [...groupDays].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The hollow-growth check (群员数上涨,活跃度下滑) for every group with rows before asOf, sorted
 * by group id. Alerts are the entries with `hollowGrowth: true`.
 */
export function hollowGrowth(
  groupDays: readonly GroupDayRecord[],
  asOf: string,
  settings: HollowGrowthSettings = DEFAULT_HOLLOW_GROWTH_SETTINGS,
): GroupTrend[] {
  const result: GroupTrend[] = [];
  for (const [groupId, rows] of byGroup(groupDays)) {
    if (!rows.some((r) => r.date < asOf)) continue;
    result.push(trendOf(groupId, rows, asOf, settings));
  }
  return result;
}

export interface GroupHealth {
  groupId: string;
  /** The latest date with data before asOf. */
  latestDate: string;
  members: number;
  /** Activity rate on the latest date. */
  activityRate: Evidence;
  /** Σ active / Σ members over the 7 days before asOf. */
  activityRate7d: Evidence;
  internal: InternalPresence;
  trend: GroupTrend;
}

/** Per group: latest members and activity, the last 7 days, internal presence and the trend. */
export function groupHealth(
  groupDays: readonly GroupDayRecord[],
  asOf: string,
  settings: {
    community?: CommunitySettings;
    hollowGrowth?: HollowGrowthSettings;
  } = {},
): GroupHealth[] {
  const community = settings.community ?? DEFAULT_COMMUNITY_SETTINGS;
  const trendSettings = settings.hollowGrowth ?? DEFAULT_HOLLOW_GROWTH_SETTINGS;
  const result: GroupHealth[] = [];
  for (const [groupId, rows] of byGroup(groupDays)) {
    const before = rows.filter((r) => r.date < asOf);
    const latest = before[before.length - 1];
    if (!latest) continue;
    const week = before.filter((r) => r.date >= addDays(asOf, -7));
    result.push({
      groupId,
      latestDate: latest.date,
      members: latest.members,
      activityRate: activityRate(latest),
      activityRate7d: ratio(
        week.reduce((s, r) => s + r.activeMembers, 0),
        week.reduce((s, r) => s + r.members, 0),
        'no data in the last 7 days',
      ),
      internal: internalPresence([latest], community),
      trend: trendOf(groupId, rows, asOf, trendSettings),
    });
  }
  return result;
}

export interface ColdStartSpan {
  /** The span's dates [from, to). */
  from: string;
  to: string;
  daysWithData: number;
  /** All of the span's days have data. */
  complete: boolean;
  /** Σ active / Σ members over the span's days. */
  activityRate: Evidence;
  messages: number;
}

export interface ColdStart {
  groupId: string;
  /** The first date the group appears in the data. */
  firstDate: string;
  /**
   * The group's first date is also the first date of the whole data set: the group may be older
   * than the data, so its "cold start" may not be one.
   */
  startsAtDataStart: boolean;
  /** First 48 h = the first 2 local dates. */
  first48h: ColdStartSpan;
  /** The first 3 local dates (新社群前3天). */
  first3Days: ColdStartSpan;
  /** Internal members and message share over the first 3 days. */
  internal: InternalPresence;
}

function span(rows: readonly GroupDayRecord[], from: string, days: number): ColdStartSpan {
  const to = addDays(from, days);
  const inSpan = rows.filter((r) => r.date >= from && r.date < to);
  return {
    from,
    to,
    daysWithData: inSpan.length,
    complete: inSpan.length === days,
    activityRate: ratio(
      inSpan.reduce((s, r) => s + r.activeMembers, 0),
      inSpan.reduce((s, r) => s + r.members, 0),
      'no members in the span',
    ),
    messages: inSpan.reduce((s, r) => s + r.messages, 0),
  };
}

/**
 * Cold start of every group: activity over its first 2 days (48 h) and first 3 days from the
 * first date it is seen, internal members per 100 members against the ≥ 5 guideline, and the
 * flooding flag (internal members write > 50% of messages; only where that count is known).
 */
export function coldStart(
  groupDays: readonly GroupDayRecord[],
  settings: CommunitySettings = DEFAULT_COMMUNITY_SETTINGS,
): ColdStart[] {
  let dataStart: string | null = null;
  for (const d of groupDays) if (dataStart === null || d.date < dataStart) dataStart = d.date;
  const result: ColdStart[] = [];
  for (const [groupId, rows] of byGroup(groupDays)) {
    const firstDate = rows[0]!.date;
    const first3 = rows.filter((r) => r.date < addDays(firstDate, 3));
    result.push({
      groupId,
      firstDate,
      startsAtDataStart: firstDate === dataStart,
      first48h: span(rows, firstDate, 2),
      first3Days: span(rows, firstDate, 3),
      internal: internalPresence(first3, settings),
    });
  }
  return result;
}

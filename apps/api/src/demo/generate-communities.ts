/**
 * Groups (社群) and their daily figures (METRICS §5; 000 Q7). Sixteen groups of a mother-and-baby
 * brand, each with a role in the story:
 * - healthy groups: grow to a few hundred members, ≥ 5 internal accounts per 100 members
 *   (每100人的群至少安排5个内部账号), activity 8–25% with a weekly rhythm;
 * - one hollow-growth group: members climb over the last 4 weeks (a 裂变 campaign) while the
 *   activity rate slides ("群员数上涨,活跃度下滑");
 * - one flooding group: internal accounts write more than half the messages (刷屏式表演);
 * - one new group in cold start: created a few days before the end, a batch of members and
 *   10 internal accounts on day one (提前安排10个内部账号进群), very active in its first 48 h;
 * - one group that started without 气氛组 and died ("新社群前3天没有安排气氛组…基本就废了").
 * Group sizes do not scale with --customers: a WeCom customer group holds at most 500.
 */
import type { CopyValue } from '../db/database.js';
import { Random } from './random.js';
import { STORY } from './story.js';
import { dayNumberToDate, localDayNumber, type Timeline } from './timeline.js';

export type GroupRole = 'healthy' | 'hollow' | 'flooding' | 'cold-start' | 'dead';

export interface DemoGroup {
  externalId: string;
  name: string;
  createdOn: string;
  role: GroupRole;
}

export interface DemoGroupDay {
  groupId: string;
  date: string;
  members: number;
  activeMembers: number;
  messages: number;
  joins: number;
  leaves: number;
  internalMembers: number;
  internalMessages: number;
}

export const GROUP_COLUMNS = ['workspace_id', 'external_id', 'name', 'created_on'];
export const GROUP_DAILY_COLUMNS = [
  'workspace_id',
  'group_id',
  'date',
  'members',
  'active_members',
  'messages',
  'joins',
  'leaves',
  'internal_members',
  'internal_messages',
];

const NAMES = [
  '宝妈育儿交流群',
  '新手妈妈孕期群',
  '辅食添加打卡群',
  '会员福利群',
  '门店老客群',
  '早教启蒙群',
  '二胎妈妈群',
  '宝宝睡眠研究群',
];

export interface GroupPlan extends DemoGroup {
  capacity: number;
  activity: number;
}

export function demoGroups(seed: number, t: Timeline): GroupPlan[] {
  const rng = Random.for(seed, 4, 0);
  const launchDay = localDayNumber(t.launchMs);
  const endDay = localDayNumber(t.endMs);
  const count = STORY.communities.groups;
  const roles: GroupRole[] = [];
  for (let i = 0; i < count; i += 1) roles.push('healthy');
  roles[3] = 'hollow';
  roles[7] = 'flooding';
  roles[count - 1] = 'cold-start';
  roles[10] = 'dead';
  return roles.map((role, i) => {
    let createdDay: number;
    if (role === 'cold-start') createdDay = endDay - 5;
    else if (role === 'hollow') createdDay = launchDay + 60 + rng.int(0, 60);
    else createdDay = launchDay + 20 + Math.floor(((endDay - 150 - launchDay) * i) / count);
    const base = NAMES[i % NAMES.length] ?? '会员群';
    return {
      externalId: `G${String(i + 1).padStart(3, '0')}`,
      name: `${base}${Math.floor(i / NAMES.length) + 1}群`,
      createdOn: dayNumberToDate(createdDay),
      role,
      capacity: role === 'dead' ? 120 : rng.int(220, 420),
      activity: rng.uniform(0.1, 0.22),
    };
  });
}

export function* groupDays(seed: number, group: GroupPlan, t: Timeline): Generator<DemoGroupDay> {
  const rng = Random.for(seed, 5, Number(group.externalId.slice(1)));
  const endDay = localDayNumber(t.endMs);
  const firstDay = Math.round(Date.parse(`${group.createdOn}T00:00:00Z`) / 86_400_000);
  const per100 = STORY.communities.internalPer100;
  let members = 0;
  for (let day = firstDay; day < endDay; day += 1) {
    const age = day - firstDay;
    const fromEnd = endDay - day; // 28 … 1 in the last four weeks
    let joins: number;
    let leaves: number;
    if (age === 0) {
      // The first batch: the founding members.
      joins =
        group.role === 'cold-start' ? 180 : Math.round(group.capacity * rng.uniform(0.3, 0.5));
      leaves = 0;
    } else {
      const room = Math.max(0, group.capacity - members);
      joins = rng.poisson(room * 0.03 + 0.8);
      leaves = Math.min(members, rng.poisson(members * 0.0025 + (group.role === 'dead' ? 0.4 : 0)));
      if (group.role === 'hollow' && fromEnd <= 28) {
        joins = rng.poisson(9); // the 裂变 campaign keeps bringing people in
        leaves = Math.min(members, rng.poisson(1.5));
      }
    }
    members = Math.min(500, members + joins - leaves);
    let internal =
      group.role === 'dead' ? 1 : Math.min(members, Math.ceil((members * per100) / 100));
    if (group.role === 'cold-start') internal = Math.min(members, 10);
    let rate: number;
    switch (group.role) {
      case 'cold-start':
        rate = age < 2 ? rng.uniform(0.42, 0.55) : rng.uniform(0.18, 0.26);
        break;
      case 'dead':
        rate = age < 3 ? rng.uniform(0.05, 0.08) : rng.uniform(0, 0.015);
        break;
      case 'hollow':
        rate =
          fromEnd <= 28
            ? 0.2 - 0.12 * ((28 - fromEnd) / 27) + rng.uniform(-0.01, 0.01)
            : group.activity;
        break;
      default:
        // Steady groups, with the weekly 早安/晚安 routine slowly lifting activity lately.
        rate = group.activity * (1 + rng.uniform(-0.08, 0.08));
        if (fromEnd <= 56) rate *= 1 + (0.25 * (56 - fromEnd)) / 56;
    }
    const weekday = new Date(day * 86_400_000).getUTCDay();
    if (
      group.role !== 'cold-start' &&
      group.role !== 'hollow' &&
      (weekday === 0 || weekday === 6)
    ) {
      rate *= 0.8;
    }
    const active = Math.min(members, Math.max(0, Math.round(members * rate)));
    const perActive = group.role === 'cold-start' && age < 2 ? 9 : 5;
    const memberMessages = active === 0 ? 0 : rng.poisson(active * perActive);
    const internalShare =
      group.role === 'flooding'
        ? rng.uniform(0.55, 0.7)
        : group.role === 'cold-start'
          ? 0.3
          : rng.uniform(0.12, 0.3);
    const internalMessages = Math.round((memberMessages * internalShare) / (1 - internalShare));
    yield {
      groupId: group.externalId,
      date: dayNumberToDate(day),
      members,
      activeMembers: active,
      messages: memberMessages + internalMessages,
      joins,
      leaves,
      internalMembers: internal,
      internalMessages,
    };
  }
}

export function* groupRows(
  workspaceId: number,
  groups: readonly DemoGroup[],
): Generator<CopyValue[]> {
  for (const g of groups) yield [workspaceId, g.externalId, g.name, g.createdOn];
}

export function* groupDailyRows(
  workspaceId: number,
  seed: number,
  groups: readonly GroupPlan[],
  t: Timeline,
): Generator<CopyValue[]> {
  for (const g of groups) {
    for (const d of groupDays(seed, g, t)) {
      yield [
        workspaceId,
        d.groupId,
        d.date,
        d.members,
        d.activeMembers,
        d.messages,
        d.joins,
        d.leaves,
        d.internalMembers,
        d.internalMessages,
      ];
    }
  }
}

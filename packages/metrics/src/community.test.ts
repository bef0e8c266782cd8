import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLLOW_GROWTH_SETTINGS,
  activityRate,
  coldStart,
  groupDayActivity,
  groupHealth,
  hollowGrowth,
  internalPresence,
} from './community.js';
import type { GroupDayRecord } from './records.js';
import { addDays } from './time.js';

function day(p: Partial<GroupDayRecord> & Pick<GroupDayRecord, 'date'>): GroupDayRecord {
  return {
    groupId: 'g1',
    members: 200,
    activeMembers: 40,
    messages: 100,
    joins: 0,
    leaves: 0,
    internalMembers: 10,
    internalMessages: null,
    ...p,
  };
}

/** 28 days before 2024-04-01 with members and activity rate given per day index. */
function series(
  members: (i: number) => number,
  rate: (i: number) => number,
  groupId = 'g1',
  count = 28,
): GroupDayRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const m = members(i);
    return day({
      groupId,
      date: addDays('2024-03-04', i),
      members: m,
      activeMembers: Math.round(m * rate(i)),
    });
  });
}

describe('activity rate and internal presence', () => {
  it('when 50 of 200 members spoke, then the activity rate is 25%', () => {
    expect(activityRate(day({ date: '2024-03-01', activeMembers: 50 })).value).toBe(0.25);
  });

  it('when a group has no members that day, then the rate is null with a reason', () => {
    const rate = activityRate(day({ date: '2024-03-01', members: 0, activeMembers: 0 }));
    expect(rate.value).toBeNull();
    expect(rate.reason).toBeDefined();
  });

  it("when a 200-member group has the seed's 10 internal accounts, then it has 5 per 100 and meets the guideline", () => {
    const presence = internalPresence([day({ date: '2024-03-01', internalMembers: 10 })]);
    expect(presence.per100.value).toBe(5);
    expect(presence.ratio.value).toBe(0.05);
    expect(presence.meetsGuideline).toBe(true);
    expect(internalPresence([day({ date: '2024-03-01', internalMembers: 9 })]).meetsGuideline).toBe(
      false,
    );
  });

  it('when internal members write more than half the messages, then the group is flagged as flooding', () => {
    expect(internalPresence([day({ date: '2024-03-01', internalMessages: 51 })]).flooding).toBe(
      true,
    );
    expect(internalPresence([day({ date: '2024-03-01', internalMessages: 50 })]).flooding).toBe(
      false,
    );
  });

  it('when internal message counts are not given, then flooding is unknown', () => {
    const presence = internalPresence([day({ date: '2024-03-01' })]);
    expect(presence.messageShare).toBeNull();
    expect(presence.flooding).toBeNull();
  });

  it('when rows come in any order, then daily activity is sorted by group and date', () => {
    const rows = groupDayActivity([
      day({ groupId: 'g2', date: '2024-03-01' }),
      day({ date: '2024-03-02' }),
      day({ date: '2024-03-01' }),
    ]);
    expect(rows.map((r) => `${r.groupId} ${r.date}`)).toEqual([
      'g1 2024-03-01',
      'g1 2024-03-02',
      'g2 2024-03-01',
    ]);
  });
});

describe('hollowGrowth', () => {
  const asOf = '2024-04-01';

  it('when members rise from 100 to 154 while activity falls from 40% to 20%, then hollow growth is raised', () => {
    const [trend] = hollowGrowth(
      series(
        (i) => 100 + 2 * i,
        (i) => 0.4 - (0.2 * i) / 27,
      ),
      asOf,
    );
    expect(trend!.enoughData).toBe(true);
    expect(trend!.membersSlopePerDay).toBeCloseTo(2, 10);
    expect(trend!.memberChange).toBeGreaterThan(0.05);
    expect(trend!.activityChange).toBeLessThan(-0.1);
    expect(trend!.hollowGrowth).toBe(true);
    expect(trend!.weeks.map((w) => w.from)).toEqual([
      '2024-03-04',
      '2024-03-11',
      '2024-03-18',
      '2024-03-25',
    ]);
  });

  it('when members are flat while activity falls, then it is not hollow growth', () => {
    const [trend] = hollowGrowth(
      series(
        () => 200,
        (i) => 0.4 - (0.2 * i) / 27,
      ),
      asOf,
    );
    expect(trend!.hollowGrowth).toBe(false);
  });

  it('when members rise and activity holds, then it is not hollow growth', () => {
    const [trend] = hollowGrowth(
      series(
        (i) => 100 + 2 * i,
        () => 0.3,
      ),
      asOf,
    );
    expect(trend!.hollowGrowth).toBe(false);
  });

  it('when members rise under 2% in 4 weeks, then it counts as flat; a workspace may lower the threshold', () => {
    const rows = series(
      (i) => 200 + (i % 7 === 0 ? 2 : 0) + Math.floor(i / 14),
      (i) => 0.4 - (0.2 * i) / 27,
    );
    const [trend] = hollowGrowth(rows, asOf);
    expect(trend!.memberChange).toBeGreaterThan(0);
    expect(trend!.memberChange).toBeLessThan(0.02);
    expect(trend!.hollowGrowth).toBe(false);
    const [sensitive] = hollowGrowth(rows, asOf, {
      ...DEFAULT_HOLLOW_GROWTH_SETTINGS,
      minMemberGrowth: 0.001,
    });
    expect(sensitive!.hollowGrowth).toBe(true);
  });

  it('when only the last 10 days have data, then there is not enough data and no alert', () => {
    const rows = series(
      (i) => 100 + 2 * i,
      (i) => 0.4 - (0.2 * i) / 27,
    ).slice(18);
    const [trend] = hollowGrowth(rows, asOf);
    expect(trend!.enoughData).toBe(false);
    expect(trend!.hollowGrowth).toBe(false);
    expect(trend!.reason).toMatch(/14 days/);
  });

  it('when rows fall on or after asOf, then they are not used', () => {
    const rows = [
      ...series(
        () => 200,
        () => 0.3,
      ),
      day({ date: asOf, members: 5_000, activeMembers: 0 }),
    ];
    const [trend] = hollowGrowth(rows, asOf);
    expect(trend!.membersSlopePerDay).toBe(0);
  });
});

describe('groupHealth', () => {
  it('when a group has days before and on asOf, then the latest day before asOf is reported', () => {
    const rows = [
      day({ date: '2024-03-30', members: 180, activeMembers: 18 }),
      day({ date: '2024-03-31', members: 190, activeMembers: 38 }),
      day({ date: '2024-04-01', members: 999, activeMembers: 1 }),
    ];
    const [health] = groupHealth(rows, '2024-04-01');
    expect(health).toMatchObject({ groupId: 'g1', latestDate: '2024-03-31', members: 190 });
    expect(health!.activityRate.value).toBe(0.2);
    expect(health!.activityRate7d.value).toBeCloseTo(56 / 370, 12);
    expect(health!.trend.enoughData).toBe(false);
  });

  it('when people join and leave, then the trend sums them over its window and per 7-day block', () => {
    const rows = [
      day({ date: '2024-03-03', joins: 99, leaves: 99 }), // before the 28-day window
      day({ date: '2024-03-04', joins: 5, leaves: 1 }),
      day({ date: '2024-03-11', joins: 2, leaves: 0 }),
      day({ date: '2024-03-31', joins: 1, leaves: 4 }),
      day({ date: '2024-04-01', joins: 50, leaves: 50 }), // on asOf
    ];
    const [health] = groupHealth(rows, '2024-04-01');
    expect([health!.trend.joins, health!.trend.leaves]).toEqual([8, 5]);
    expect(health!.trend.weeks.map((w) => [w.from, w.joins, w.leaves])).toEqual([
      ['2024-03-04', 5, 1],
      ['2024-03-11', 2, 0],
      ['2024-03-18', 0, 0],
      ['2024-03-25', 1, 4],
    ]);
  });

  it('when a group only has rows after asOf, then it is not listed', () => {
    expect(groupHealth([day({ date: '2024-04-02' })], '2024-04-01')).toEqual([]);
  });
});

describe('coldStart', () => {
  const rows = [
    day({ groupId: 'old', date: '2024-03-01' }),
    day({
      groupId: 'new',
      date: '2024-03-05',
      members: 200,
      activeMembers: 120,
      internalMembers: 10,
      internalMessages: 30,
      messages: 100,
    }),
    day({
      groupId: 'new',
      date: '2024-03-06',
      members: 200,
      activeMembers: 80,
      internalMembers: 10,
      internalMessages: 40,
      messages: 100,
    }),
    day({
      groupId: 'new',
      date: '2024-03-07',
      members: 200,
      activeMembers: 40,
      internalMembers: 10,
      internalMessages: 80,
      messages: 100,
    }),
    day({ groupId: 'new', date: '2024-03-08', members: 200, activeMembers: 0, internalMembers: 0 }),
  ];

  it('when a group first appears on 5 March, then its first 48 h are 5–6 March and its first 3 days 5–7 March', () => {
    const start = coldStart(rows).find((c) => c.groupId === 'new')!;
    expect(start.firstDate).toBe('2024-03-05');
    expect(start.startsAtDataStart).toBe(false);
    expect(start.first48h).toMatchObject({
      from: '2024-03-05',
      to: '2024-03-07',
      daysWithData: 2,
      complete: true,
    });
    expect(start.first48h.activityRate.value).toBe(0.5);
    expect(start.first3Days.activityRate.value).toBe(0.4);
    expect(start.internal.per100.value).toBe(5);
    expect(start.internal.meetsGuideline).toBe(true);
    expect(start.internal.messageShare!.value).toBe(0.5);
    expect(start.internal.flooding).toBe(false);
  });

  it('when a group is there from the first day of the data, then its cold start is marked as possibly older', () => {
    const start = coldStart(rows).find((c) => c.groupId === 'old')!;
    expect(start.startsAtDataStart).toBe(true);
    expect(start.first3Days.complete).toBe(false);
    expect(start.first3Days.daysWithData).toBe(1);
  });
});

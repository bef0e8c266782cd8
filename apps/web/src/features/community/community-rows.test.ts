import { COLORS, markedLinesOption } from '@yugang/charts';
import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { alertRank, groupsByAlert, groupWeeks, type CommunityGroup } from './community-rows';

const e = (value: number | null) => ({ value, numerator: 0, denominator: 0 });
function group(
  name: string,
  members: number,
  flags: { hollow?: boolean; flooding?: boolean; meets?: boolean | null },
) {
  return {
    groupId: name,
    name,
    members,
    internal: { flooding: flags.flooding ?? false, meetsGuideline: flags.meets ?? true },
    trend: {
      hollowGrowth: flags.hollow ?? false,
      weeks: [
        { from: '2026-01-05', members: 100, activityRate: e(0.2), joins: 30, leaves: 2 },
        { from: '2026-01-12', members: 120, activityRate: e(0.1), joins: 25, leaves: 5 },
      ],
    },
  } as unknown as CommunityGroup;
}

describe('community rows', () => {
  it('puts hollow growth first, then flooding, then below the guideline, then the rest by size', () => {
    const data = {
      groups: [
        group('calm small', 10, {}),
        group('below', 50, { meets: false }),
        group('hollow', 30, { hollow: true }),
        group('calm big', 90, {}),
        group('flooded', 40, { flooding: true }),
      ],
    } as unknown as Parameters<typeof groupsByAlert>[0];
    expect(groupsByAlert(data).map((g) => g.name)).toEqual([
      'hollow',
      'flooded',
      'below',
      'calm big',
      'calm small',
    ]);
    expect(alertRank(group('unknown guideline', 1, { meets: null }))).toBe(3);
  });

  it('lays a group’s weeks out as members, activity rate, joins and leaves', () => {
    expect(groupWeeks(group('g', 1, {}))).toEqual({
      weeks: ['2026-01-05', '2026-01-12'],
      members: [100, 120],
      activity: [0.2, 0.1],
      joins: [30, 25],
      leaves: [2, 5],
    });
  });

  it('when a group’s joins and leaves are drawn, then each is a line over its weeks', () => {
    const w = groupWeeks(group('g', 1, {}));
    const option = markedLinesOption({
      locale: 'en',
      title: 'g: joins and leaves by week',
      unit: 'count',
      categories: w.weeks,
      series: [
        { name: 'Joins', values: w.joins, color: COLORS.private },
        { name: 'Leaves', values: w.leaves, color: COLORS.public },
      ],
    });
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Joins', [30, 25]],
      ['Leaves', [2, 5]],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { memberChurn, memberSeries } from './membership.js';
import { customer, SHANGHAI } from './oracle-fixtures.js';

const MARCH = { from: '2024-03-01', to: '2024-04-01' };

describe('memberChurn', () => {
  it('when members leave inside the window, then churn counts them over the members at window start', () => {
    const customers = [
      customer('stays', { joined: '2024-01-01 00:00' }),
      customer('leaves-first-minute', { joined: '2024-01-01 00:00', left: '2024-03-01 00:00' }),
      customer('leaves-last-second', { joined: '2024-01-01 00:00', left: '2024-03-31 23:59:59' }),
      customer('leaves-after', { joined: '2024-01-01 00:00', left: '2024-04-01 00:00' }),
      customer('left-before', { joined: '2024-01-01 00:00', left: '2024-02-29 23:59:59' }),
      customer('never'),
    ];
    const churn = memberChurn({ customers, window: MARCH, timeZone: SHANGHAI });
    // Leaving exactly at the start instant: a member when the window opened, gone in it.
    expect(churn.members_at_start.value).toBe(4);
    expect(churn.churned_members.value).toBe(2);
    expect(churn.member_churn_rate).toEqual({ value: 2 / 4, numerator: 2, denominator: 4 });
    expect(churn.churned_of_start_members.value).toBe(2);
  });

  it('when a member joins and leaves inside the window, then they churn but were not a member at the start', () => {
    const customers = [
      customer('old', { joined: '2024-01-01 00:00' }),
      customer('flash', { joined: '2024-03-05 00:00', left: '2024-03-06 00:00' }),
    ];
    const churn = memberChurn({ customers, window: MARCH, timeZone: SHANGHAI });
    expect(churn.member_churn_rate).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(churn.churned_of_start_members.value).toBe(0);
    expect(churn.new_private_members.value).toBe(1);
    expect(churn.private_members.value).toBe(1);
  });

  it('when members join around the window edges, then new and end-of-window members follow the local dates', () => {
    const customers = [
      customer('first-second', { joined: '2024-03-01 00:00' }),
      customer('last-second', { joined: '2024-03-31 23:59:59' }),
      customer('too-late', { joined: '2024-04-01 00:00' }),
      customer('too-early', { joined: '2024-02-29 23:59:59' }),
    ];
    const m = memberChurn({ customers, window: MARCH, timeZone: SHANGHAI });
    expect(m.new_private_members.value).toBe(2);
    // Joined exactly at the window-end instant: already a member at the end (joined ≤ end).
    expect(m.private_members.value).toBe(4);
    // Joined exactly at the window-start instant: a join inside the window, not a start member.
    expect(m.members_at_start.value).toBe(1);
  });

  it('when nobody was a member at the window start, then the rate is null with a reason', () => {
    const churn = memberChurn({ customers: [customer('x')], window: MARCH, timeZone: SHANGHAI });
    expect(churn.member_churn_rate.value).toBeNull();
    expect(churn.member_churn_rate.reason).toBe('no members at window start');
  });

  it('when a member leaves at 16:30 UTC on 31 March, then that is April in Shanghai but March in UTC', () => {
    const c = customer('x', {
      joined: new Date('2024-01-01T00:00:00Z'),
      left: new Date('2024-03-31T16:30:00Z'),
    });
    expect(
      memberChurn({ customers: [c], window: MARCH, timeZone: SHANGHAI }).churned_members.value,
    ).toBe(0);
    expect(
      memberChurn({ customers: [c], window: MARCH, timeZone: 'UTC' }).churned_members.value,
    ).toBe(1);
  });

  it('when members join and leave over months, then memberSeries counts each month on its own', () => {
    const customers = [
      customer('old', { joined: '2024-01-10 09:00' }),
      customer('feb', { joined: '2024-02-03 12:00', left: '2024-03-01 00:00' }),
      customer('march-midnight', { joined: '2024-03-01 00:00' }),
      customer('never'),
    ];
    const series = memberSeries({
      customers,
      grain: 'month',
      from: '2024-01-15',
      to: '2024-03-20',
      timeZone: SHANGHAI,
    });
    expect(
      series.map((p) => [
        p.period,
        p.new_private_members.value,
        p.private_members.value,
        p.churned_members.value,
      ]),
    ).toEqual([
      // February ends at the instant March starts: 'feb', leaving then, is public at it and
      // 'march-midnight', joining then, private (membership is [joined, left)), yet both move in March.
      ['2024-01-01', 1, 1, 0],
      ['2024-02-01', 1, 2, 0],
      ['2024-03-01', 1, 2, 1],
    ]);
  });
});

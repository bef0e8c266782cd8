/**
 * METRICS.md §2, member churn, plus the catalog's member counts.
 *
 * - `private_members`: customers private at the window-end instant (customer-group.ts).
 * - `new_private_members`: customers whose joinedPrivateAt falls in the window (its local date in
 *   [from, to)), also when they left again inside it (as economics.ts newPrivateMembers).
 * - `churned_members`: customers with joinedPrivateAt set whose leftPrivateAt falls in the window,
 *   i.e. startOfLocalDate(from) ≤ leftPrivateAt < startOfLocalDate(to) (its local date is in
 *   [from, to)). A member who joined and left inside the window counts.
 * - `member_churn_rate` = churned_members / members at window start, to the letter of METRICS.md.
 *   Members at window start: private just before the window opens (joined before the
 *   window-start instant, not yet left at it), so the window's own joins and leaves all count as
 *   movements inside it: someone who leaves at the very first instant of the window was a start
 *   member and churned in it, and without joins inside the window the rate stays within [0, 1].
 *   Because members who join and leave inside the window are in the numerator but not the
 *   denominator, the rate can exceed 1 in extreme cases; `churned_of_start_members` gives the
 *   bounded variant (start members who left in the window) for whoever needs a true share.
 */
import { isPrivateMemberAt, windowEndInstant, windowStartInstant } from './customer-group.js';
import { figure, ratio, type Evidence } from './evidence.js';
import type { CustomerRecord, DateWindow } from './records.js';
import { periodEnd, periodStarts } from './time.js';

export interface MemberChurn {
  private_members: Evidence;
  new_private_members: Evidence;
  churned_members: Evidence;
  members_at_start: Evidence;
  member_churn_rate: Evidence;
  /** Start members who left in the window (≤ members_at_start). */
  churned_of_start_members: Evidence;
}

export function memberChurn(input: {
  customers: readonly CustomerRecord[];
  window: DateWindow;
  timeZone: string;
}): MemberChurn {
  const start = windowStartInstant(input.window, input.timeZone);
  const end = windowEndInstant(input.window, input.timeZone);
  let churned = 0;
  let atEnd = 0;
  let joined = 0;
  let atStart = 0;
  let churnedOfStart = 0;
  for (const c of input.customers) {
    const wasMember = isMemberJustBefore(c, start);
    if (wasMember) atStart += 1;
    if (isPrivateMemberAt(c, end)) atEnd += 1;
    if (c.joinedPrivateAt !== null && within(c.joinedPrivateAt, start, end)) joined += 1;
    if (c.joinedPrivateAt === null || c.leftPrivateAt === null) continue;
    if (within(c.leftPrivateAt, start, end)) {
      churned += 1;
      if (wasMember) churnedOfStart += 1;
    }
  }
  return {
    private_members: figure(atEnd),
    new_private_members: figure(joined),
    churned_members: figure(churned),
    members_at_start: figure(atStart),
    member_churn_rate: ratio(churned, atStart, 'no members at window start'),
    churned_of_start_members: figure(churnedOfStart),
  };
}

export interface MemberPeriod {
  /** First day of the week (Monday) or month. */
  period: string;
  private_members: Evidence;
  new_private_members: Evidence;
  churned_members: Evidence;
}

/**
 * The members trend: memberChurn of each whole week or month overlapping [from, to), each period
 * its own window (members counted at its end instant, joins and leaves inside it).
 */
export function memberSeries(input: {
  customers: readonly CustomerRecord[];
  grain: 'week' | 'month';
  from: string;
  to: string;
  timeZone: string;
}): MemberPeriod[] {
  return periodStarts(input.grain, input.from, input.to).map((period) => {
    const churn = memberChurn({
      customers: input.customers,
      window: { from: period, to: periodEnd(input.grain, period) },
      timeZone: input.timeZone,
    });
    return {
      period,
      private_members: churn.private_members,
      new_private_members: churn.new_private_members,
      churned_members: churn.churned_members,
    };
  });
}

function isMemberJustBefore(customer: CustomerRecord, instant: Date): boolean {
  const t = instant.getTime();
  if (customer.joinedPrivateAt === null || customer.joinedPrivateAt.getTime() >= t) return false;
  return customer.leftPrivateAt === null || customer.leftPrivateAt.getTime() >= t;
}

function within(instant: Date, start: Date, end: Date): boolean {
  const t = instant.getTime();
  return t >= start.getTime() && t < end.getTime();
}

/**
 * The true effect of joining that the demo carries (story.ts JOIN_EFFECT), per member, measured
 * the only way a rate multiplier and a dropout can be: each member's orders are generated twice
 * from the same seeded streams, once as loaded and once as if the customer had never joined
 * (same purchase rate, same draws), and the two are compared over months m+1 … m+N after the
 * join month m. The members are those the matched comparison can use: an order before the join
 * month and N whole months of data after it. No database.
 */
import { demoCustomer, demoOrders, returnLedger, type DemoOrder } from './generate-customers.js';
import { localDate, type Timeline } from './timeline.js';

export interface TrueJoinLift {
  months: number;
  /** Members who joined with an order before the join month and N whole months after it. */
  members: number;
  /** Mean over those members of (as loaded − never joined), yuan for money. */
  perMember: { orders: number; gmv: number; grossProfit: number };
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function sumAfter(orders: readonly DemoOrder[], from: number, to: number) {
  let count = 0;
  let gmvFen = 0;
  let grossProfitFen = 0;
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    const m = monthIndex(o.localDate);
    if (m < from || m > to) continue;
    count += 1;
    gmvFen += o.amountFen;
    grossProfitFen += o.grossProfitFen;
  }
  return { count, gmvFen, grossProfitFen };
}

export function trueJoinLift(seed: number, count: number, t: Timeline, months = 6): TrueJoinLift {
  const endMonth = monthIndex(t.endDate);
  // Returns do not change orders, GMV or gross profit; a private ledger keeps the load's intact.
  const ledger = returnLedger(seed);
  let members = 0;
  let orders = 0;
  let gmvFen = 0;
  let grossProfitFen = 0;
  for (let id = 1; id <= count; id += 1) {
    const c = demoCustomer(seed, id, count, t);
    if (c.joinedMs === null) continue;
    const joinMonth = monthIndex(localDate(c.joinedMs));
    if (joinMonth + months >= endMonth) continue;
    if (monthIndex(localDate(c.acquiredMs)) >= joinMonth) continue;
    members += 1;
    const loaded = sumAfter(demoOrders(seed, c, t, ledger), joinMonth + 1, joinMonth + months);
    const never = sumAfter(
      demoOrders(seed, { ...c, joinedMs: null, leftMs: null }, t, ledger),
      joinMonth + 1,
      joinMonth + months,
    );
    orders += loaded.count - never.count;
    gmvFen += loaded.gmvFen - never.gmvFen;
    grossProfitFen += loaded.grossProfitFen - never.grossProfitFen;
  }
  const per = (x: number) => (members === 0 ? 0 : x / members);
  return {
    months,
    members,
    perMember: {
      orders: per(orders),
      gmv: per(gmvFen) / 100,
      grossProfit: per(grossProfitFen) / 100,
    },
  };
}

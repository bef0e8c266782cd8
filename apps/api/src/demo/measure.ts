/**
 * The story's figures computed in memory from the generators (no database): used by the tests
 * to compare with the SQL over the loaded tables, and handy while tuning story.ts.
 */
import { demoCustomer, demoOrders, returnLedger } from './generate-customers.js';
import { DAY_MS, localDate, type Timeline } from './timeline.js';

export interface StoryFigures {
  frequency: { public: number; private: number };
  returnRate: { public: number; private: number; ratio: number };
  privateRepeatRevenueShare: number;
  members: number;
  customers: number;
  orders: number;
}

/** Window: the last 365 days before the end; groups at the window's end (METRICS "Words"). */
export function measureStory(seed: number, count: number, t: Timeline): StoryFigures {
  const from = localDate(t.endMs - 365 * DAY_MS);
  const tally = {
    public: { buyers: 0, orders: 0, returned: 0, gmv: 0, repeatGmv: 0 },
    private: { buyers: 0, orders: 0, returned: 0, gmv: 0, repeatGmv: 0 },
  };
  let members = 0;
  const ledger = returnLedger(seed);
  let orders = 0;
  for (let id = 1; id <= count; id += 1) {
    const c = demoCustomer(seed, id, count, t);
    const member = c.joinedMs !== null && (c.leftMs === null || c.leftMs > t.endMs);
    if (member) members += 1;
    const g = tally[member ? 'private' : 'public'];
    let bought = false;
    for (const o of demoOrders(seed, c, t, ledger)) {
      if (o.status === 'cancelled') continue;
      orders += 1;
      if (o.localDate < from) continue;
      bought = true;
      g.orders += 1;
      g.gmv += o.amountFen;
      if (!o.first) g.repeatGmv += o.amountFen;
      if (o.returned) g.returned += 1;
    }
    if (bought) g.buyers += 1;
  }
  const pubReturn = tally.public.returned / tally.public.orders;
  const privReturn = tally.private.returned / tally.private.orders;
  return {
    frequency: {
      public: tally.public.orders / tally.public.buyers,
      private: tally.private.orders / tally.private.buyers,
    },
    returnRate: { public: pubReturn, private: privReturn, ratio: privReturn / pubReturn },
    privateRepeatRevenueShare: tally.private.repeatGmv / tally.private.gmv,
    members,
    customers: count,
    orders,
  };
}

import { describe, expect, it } from 'vitest';
import type {
  ConversationRecord,
  CustomerRecord,
  LiveSessionRecord,
  OrderRecord,
} from './records.js';
import {
  firstOrderConversion,
  guideRate,
  medianFirstResponseHours,
  repurchaseConversion,
  responseRate48h,
} from './team-kpis.js';

const TZ = 'Asia/Shanghai';
const MARCH = { from: '2024-03-01', to: '2024-04-01' };
const HOUR = 3_600_000;

function at(iso: string, plusHours = 0): Date {
  return new Date(new Date(iso).getTime() + plusHours * HOUR);
}

function session(id: string, startedAt: string, viewers: number, adds: number): LiveSessionRecord {
  return { id, channel: 'douyin', startedAt: new Date(startedAt), viewers, privateAdds: adds };
}

function conversation(id: string, inbound: Date, reply: Date | null): ConversationRecord {
  return { id, customerId: null, accountId: null, firstInboundAt: inbound, firstResponseAt: reply };
}

function member(id: string, joined: Date | null): CustomerRecord {
  return {
    id,
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: joined,
    leftPrivateAt: null,
  };
}

function order(
  id: string,
  customerId: string,
  orderedAt: Date,
  extra: Partial<OrderRecord> = {},
): OrderRecord {
  return {
    id,
    customerId,
    channel: 'wecom',
    domain: 'private',
    orderedAt,
    localDate: new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(orderedAt),
    amountFen: 10_000,
    grossProfitFen: null,
    commissionFen: null,
    status: 'paid',
    returned: false,
    refundFen: 0,
    ...extra,
  };
}

describe('guideRate', () => {
  it('when live sessions add 100 members from 2,000 viewers, then the guide rate is 5% and meets the seed target', () => {
    const rate = guideRate(
      [
        session('s1', '2024-03-05T12:00:00Z', 1_500, 80),
        session('s2', '2024-03-06T12:00:00Z', 500, 20),
      ],
      MARCH,
      { timeZone: TZ },
    );
    expect(rate).toMatchObject({ value: 0.05, numerator: 100, denominator: 2_000, sessions: 2 });
    expect(rate.meetsTarget).toBe(true);
  });

  it('when adds fall one short of 5%, then the target is missed', () => {
    const rate = guideRate([session('s1', '2024-03-05T12:00:00Z', 2_000, 99)], MARCH, {
      timeZone: TZ,
    });
    expect(rate.meetsTarget).toBe(false);
  });

  it('when a session starts on the local date after the window, then it is left out', () => {
    // 2024-03-31T16:30Z is 2024-04-01 00:30 in Shanghai.
    const rate = guideRate([session('s1', '2024-03-31T16:30:00Z', 100, 10)], MARCH, {
      timeZone: TZ,
    });
    expect(rate.value).toBeNull();
    expect(rate.reason).toBeDefined();
    expect(rate.meetsTarget).toBeNull();
  });

  it('when channels are named, then only their sessions count', () => {
    const sessions = [
      session('s1', '2024-03-05T12:00:00Z', 100, 10),
      { ...session('s2', '2024-03-05T12:00:00Z', 100, 0), channel: 'tmall_live' },
    ];
    expect(guideRate(sessions, MARCH, { timeZone: TZ, channels: ['douyin'] }).value).toBe(0.1);
  });
});

describe('responseRate48h and median first response', () => {
  const asOf = at('2024-03-31T12:00:00Z');
  const conversations = [
    conversation('in-time', at('2024-03-10T00:00:00Z'), at('2024-03-10T00:00:00Z', 47)),
    conversation('exactly-48h', at('2024-03-11T00:00:00Z'), at('2024-03-11T00:00:00Z', 48)),
    conversation('late', at('2024-03-12T00:00:00Z'), at('2024-03-12T00:00:00Z', 49)),
    conversation('never', at('2024-03-13T00:00:00Z'), null),
    conversation('too-young', at('2024-03-31T02:00:00Z'), null),
    conversation('reply-after-as-of', at('2024-03-31T01:00:00Z'), at('2024-03-31T13:00:00Z')),
    conversation('outside', at('2024-02-10T00:00:00Z'), at('2024-02-10T00:00:00Z', 1)),
  ];

  it('when replies come at 47 h, 48 h and 49 h and one never, then 2 of 4 decided conversations count', () => {
    const rate = responseRate48h(conversations, MARCH, { timeZone: TZ, asOf });
    expect(rate).toMatchObject({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      started: 6,
      pending: 2,
    });
  });

  it('when unanswered conversations are younger than 48 h at asOf, then they are pending, not failures', () => {
    const rate = responseRate48h([conversations[4]!], MARCH, { timeZone: TZ, asOf });
    expect(rate.value).toBeNull();
    expect(rate.pending).toBe(1);
    const later = responseRate48h([conversations[4]!], MARCH, {
      timeZone: TZ,
      asOf: at('2024-04-03T00:00:00Z'),
    });
    expect(later.value).toBe(0);
  });

  it('when asOf is not given, then it is the start of the window end date in the workspace zone', () => {
    // Inbound 2024-03-30 08:00 Shanghai; 48 h later is after 2024-04-01 00:00 Shanghai.
    const rate = responseRate48h([conversation('x', at('2024-03-30T00:00:00Z'), null)], MARCH, {
      timeZone: TZ,
    });
    expect(rate.pending).toBe(1);
  });

  it('when replies took 47, 48 and 49 hours, then the median is 48 hours', () => {
    const m = medianFirstResponseHours(conversations, MARCH, { timeZone: TZ, asOf });
    expect(m).toEqual({ value: 48, count: 3 });
  });

  it('when the count is even, then the median is the mean of the two middle values', () => {
    const m = medianFirstResponseHours(conversations.slice(0, 2), MARCH, { timeZone: TZ, asOf });
    expect(m.value).toBe(47.5);
  });

  it('when nothing was answered, then the median is null with a reason', () => {
    const m = medianFirstResponseHours([], MARCH, { timeZone: TZ, asOf });
    expect(m.value).toBeNull();
    expect(m.reason).toBeDefined();
  });
});

describe('firstOrderConversion', () => {
  const asOf = at('2024-04-20T00:00:00Z');
  const customers = [
    member('a', at('2024-03-01T02:00:00Z')),
    member('b', at('2024-03-02T02:00:00Z')),
    member('c', at('2024-03-03T02:00:00Z')),
    member('young', at('2024-03-30T02:00:00Z')),
    member('before', at('2024-02-20T02:00:00Z')),
    member('public-only', null),
  ];
  const orders = [
    order('a1', 'a', at('2024-03-20T02:00:00Z')),
    order('b1', 'b', at('2024-03-02T02:00:00Z', 30 * 24 + 1)), // 30 days and an hour later
    order('c0', 'c', at('2024-03-01T02:00:00Z')), // before joining
    order('c1', 'c', at('2024-03-05T02:00:00Z'), { status: 'cancelled' }),
    order('y1', 'young', at('2024-04-01T02:00:00Z')),
    order('e1', 'before', at('2024-03-01T02:00:00Z')),
  ];

  it('when one of three matured new members ordered within 30 days, then conversion is 1/3', () => {
    const conv = firstOrderConversion(customers, orders, MARCH, { timeZone: TZ, asOf });
    expect(conv).toMatchObject({ numerator: 1, denominator: 3, entrants: 4, immature: 1 });
    expect(conv.value).toBeCloseTo(1 / 3, 12);
  });

  it('when only orders in public channels are asked for, then private orders do not convert', () => {
    const conv = firstOrderConversion(customers, orders, MARCH, {
      timeZone: TZ,
      asOf,
      orderDomain: 'public',
    });
    expect(conv.value).toBe(0);
  });

  it('when no new member has had 30 days yet, then the rate is null with a reason', () => {
    const conv = firstOrderConversion(customers, orders, MARCH, {
      timeZone: TZ,
      asOf: at('2024-03-15T00:00:00Z'),
    });
    expect(conv.value).toBeNull();
    expect(conv.reason).toMatch(/30 days/);
  });
});

describe('repurchaseConversion', () => {
  const asOf = at('2024-07-15T00:00:00Z');
  const orders = [
    order('a1', 'a', at('2024-03-05T02:00:00Z')),
    order('a2', 'a', at('2024-05-05T02:00:00Z')),
    order('b1', 'b', at('2024-03-06T02:00:00Z')),
    order('b2', 'b', at('2024-03-06T02:00:00Z', 90 * 24 + 1)),
    order('c0', 'c', at('2024-03-01T02:00:00Z'), { status: 'cancelled' }),
    order('c1', 'c', at('2024-03-07T02:00:00Z')),
    order('c2', 'c', at('2024-03-08T02:00:00Z'), { status: 'cancelled' }),
    order('old1', 'old', at('2024-01-07T02:00:00Z')),
    order('old2', 'old', at('2024-03-07T02:00:00Z')),
    order('young1', 'young', at('2024-04-20T02:00:00Z')),
  ];

  it('when one of three first-time March customers ordered again within 90 days, then conversion is 1/3', () => {
    const conv = repurchaseConversion(orders, MARCH, { timeZone: TZ, asOf });
    expect(conv).toMatchObject({ numerator: 1, denominator: 3, entrants: 3, immature: 0 });
  });

  it('when 90 days have not passed by asOf, then the customer is immature, not a failure', () => {
    const conv = repurchaseConversion(orders, MARCH, {
      timeZone: TZ,
      asOf: at('2024-06-04T00:00:00Z'),
    });
    // a (5 Mar + 90 d = 3 Jun) has matured; b and c have not.
    expect(conv).toMatchObject({ numerator: 1, denominator: 1, entrants: 3, immature: 2 });
  });
});

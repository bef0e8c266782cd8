import fc from 'fast-check';
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
import { localDateOf } from './time.js';

const TZ = 'Asia/Shanghai';
const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 200 * 86_400_000;
const WINDOW = { from: '2024-02-01', to: '2024-04-01' };
const instant = fc.integer({ min: START, max: START + SPAN }).map((t) => new Date(t));
const asOfArb = fc
  .integer({ min: START, max: START + SPAN + 30 * 86_400_000 })
  .map((t) => new Date(t));

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const conversations = fc
  .array(
    fc.record({
      inbound: instant,
      delayHours: fc.option(fc.integer({ min: -5, max: 200 }), { nil: null }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): ConversationRecord => ({
      id: `c${i}`,
      customerId: null,
      accountId: null,
      firstInboundAt: r.inbound,
      firstResponseAt:
        r.delayHours === null ? null : new Date(r.inbound.getTime() + r.delayHours * 3_600_000),
    })),
  );

const orders = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 8 }),
      at: instant,
      cancelled: fc.boolean(),
      privateDomain: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): OrderRecord => ({
      id: `o${i}`,
      customerId: `u${r.customer}`,
      channel: r.privateDomain ? 'wecom' : 'tmall',
      domain: r.privateDomain ? 'private' : 'public',
      orderedAt: r.at,
      localDate: localDateOf(r.at, TZ),
      amountFen: 100,
      grossProfitFen: null,
      commissionFen: null,
      status: r.cancelled ? 'cancelled' : 'paid',
      returned: false,
      refundFen: 0,
    })),
  );

const members = fc
  .array(fc.option(instant, { nil: null }), { minLength: 9, maxLength: 9 })
  .map((joins) =>
    joins.map((joined, i): CustomerRecord => ({
      id: `u${i}`,
      acquiredAt: null,
      acquisitionChannel: null,
      joinedPrivateAt: joined,
      leftPrivateAt: null,
    })),
  );

function expectRate(e: { value: number | null; numerator: number; denominator: number }): void {
  if (e.value === null) {
    expect(e.denominator).toBe(0);
  } else {
    expect(e.value).toBeGreaterThanOrEqual(0);
    expect(e.value).toBeLessThanOrEqual(1);
    expect(e.numerator).toBeLessThanOrEqual(e.denominator);
  }
}

describe('team KPI properties', () => {
  it('when conversations come in any order, then the 48-hour response rate is a rate in [0,1] and the same', () => {
    fc.assert(
      fc.property(conversations, asOfArb, fc.integer(), (rows, asOf, seed) => {
        const rate = responseRate48h(rows, WINDOW, { timeZone: TZ, asOf });
        expectRate(rate);
        expect(rate.denominator + rate.pending).toBe(rate.started);
        expect(responseRate48h(shuffle(rows, seed), WINDOW, { timeZone: TZ, asOf })).toEqual(rate);
        const m = medianFirstResponseHours(rows, WINDOW, { timeZone: TZ, asOf });
        expect(
          medianFirstResponseHours(shuffle(rows, seed), WINDOW, { timeZone: TZ, asOf }),
        ).toEqual(m);
        if (m.value !== null) expect(m.value).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('when orders and members come in any order, then both conversions are rates in [0,1] and the same', () => {
    fc.assert(
      fc.property(orders, members, asOfArb, fc.integer(), (os, cs, asOf, seed) => {
        const first = firstOrderConversion(cs, os, WINDOW, { timeZone: TZ, asOf });
        expectRate(first);
        expect(
          firstOrderConversion(shuffle(cs, seed), shuffle(os, seed + 1), WINDOW, {
            timeZone: TZ,
            asOf,
          }),
        ).toEqual(first);
        const again = repurchaseConversion(os, WINDOW, { timeZone: TZ, asOf });
        expectRate(again);
        expect(again.denominator + again.immature).toBe(again.entrants);
        expect(repurchaseConversion(shuffle(os, seed), WINDOW, { timeZone: TZ, asOf })).toEqual(
          again,
        );
      }),
    );
  });

  it('when adds never exceed viewers, then the guide rate lies in [0,1]', () => {
    const sessions = fc.array(
      fc
        .record({
          at: instant,
          viewers: fc.nat(5_000),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
        })
        .map((r): LiveSessionRecord => ({
          id: 's',
          channel: 'douyin',
          startedAt: r.at,
          viewers: r.viewers,
          privateAdds: Math.floor(r.viewers * r.share),
        })),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(sessions, (rows) => {
        expectRate(guideRate(rows, WINDOW, { timeZone: TZ }));
      }),
    );
  });

  it('when sessions start near the window bounds in zones with DST, half hours or a skipped day, then each counts by its local date', () => {
    const zones = [
      'Asia/Shanghai',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'Asia/Kathmandu',
      'Pacific/Kiritimati',
      'Etc/GMT+12',
    ];
    const day = fc
      .integer({ min: 0, max: 1_000 })
      .map((d) =>
        new Date(Date.parse('2010-01-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10),
      );
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), { maxLength: 40 }),
        (timeZone, from, days, offsets) => {
          const to = new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10);
          const window = { from, to };
          // Around both bounds, where the local date depends on the zone's offset that day.
          const rows = offsets.flatMap((o, i): LiveSessionRecord[] => [
            {
              id: `a${i}`,
              channel: 'douyin',
              startedAt: new Date(Date.parse(`${from}T00:00:00Z`) + o),
              viewers: 1,
              privateAdds: 0,
            },
            {
              id: `b${i}`,
              channel: 'douyin',
              startedAt: new Date(Date.parse(`${to}T00:00:00Z`) + o),
              viewers: 1,
              privateAdds: 0,
            },
          ]);
          const byDate = rows.filter((r) => {
            const d = localDateOf(r.startedAt, timeZone);
            return d >= from && d < to;
          }).length;
          expect(guideRate(rows, window, { timeZone }).sessions).toBe(byDate);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coldStart, groupDayActivity, groupHealth, hollowGrowth } from './community.js';
import type { GroupDayRecord } from './records.js';
import { addDays } from './time.js';

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

/** Rows with unique (group, date) keys, active ≤ members, internal messages ≤ messages. */
const groupDays = fc
  .uniqueArray(
    fc.record({
      group: fc.integer({ min: 0, max: 3 }),
      day: fc.integer({ min: 0, max: 45 }),
      members: fc.nat(500),
      activeShare: fc.double({ min: 0, max: 1, noNaN: true }),
      internal: fc.nat(30),
      messages: fc.nat(300),
      internalShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    }),
    { selector: (r) => `${r.group}/${r.day}`, maxLength: 120 },
  )
  .map((rows) =>
    rows.map((r): GroupDayRecord => ({
      groupId: `g${r.group}`,
      date: addDays('2024-03-01', r.day),
      members: r.members,
      activeMembers: Math.floor(r.members * r.activeShare),
      messages: r.messages,
      joins: 0,
      leaves: 0,
      internalMembers: r.internal,
      internalMessages: r.internalShare === null ? null : Math.floor(r.messages * r.internalShare),
    })),
  );

const asOfArb = fc.integer({ min: 0, max: 50 }).map((d) => addDays('2024-03-01', d));

function inUnit(value: number | null): void {
  if (value === null) return;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
}

describe('community properties', () => {
  it('when active members never exceed members, then every activity rate and message share lies in [0,1]', () => {
    fc.assert(
      fc.property(groupDays, asOfArb, (rows, asOf) => {
        for (const d of groupDayActivity(rows)) {
          inUnit(d.activityRate.value);
          inUnit(d.internal.messageShare?.value ?? null);
        }
        for (const h of groupHealth(rows, asOf)) {
          inUnit(h.activityRate.value);
          inUnit(h.activityRate7d.value);
          for (const w of h.trend.weeks) inUnit(w.activityRate.value);
        }
        for (const c of coldStart(rows)) {
          inUnit(c.first48h.activityRate.value);
          inUnit(c.first3Days.activityRate.value);
        }
      }),
    );
  });

  it('when group days come in any order, then health, hollow growth and cold start are the same', () => {
    fc.assert(
      fc.property(groupDays, asOfArb, fc.integer(), (rows, asOf, seed) => {
        const mixed = shuffle(rows, seed);
        expect(groupHealth(mixed, asOf)).toEqual(groupHealth(rows, asOf));
        expect(hollowGrowth(mixed, asOf)).toEqual(hollowGrowth(rows, asOf));
        expect(coldStart(mixed)).toEqual(coldStart(rows));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountDayRecord, AccountRecord } from './records.js';
import { backupCoverage, checkSensitiveText, complianceRate, riskAlerts } from './risk.js';
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

const accounts = fc
  .array(
    fc.record({
      registered: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      backupOf: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows) =>
    rows.map((r, i): AccountRecord => ({
      id: `a${i}`,
      kind: 'personal_wechat',
      registeredAt: r.registered === null ? null : addDays('2023-06-01', r.registered),
      backupOf: r.backupOf === null ? null : `a${r.backupOf}`,
    })),
  );

const accountDays = fc
  .uniqueArray(
    fc.record({
      account: fc.integer({ min: 0, max: 9 }),
      day: fc.integer({ min: 0, max: 60 }),
      activeAdds: fc.nat(20),
      passiveAdds: fc.nat(40),
      massSends: fc.nat(3),
      complaints: fc.nat(2),
    }),
    { selector: (r) => `${r.account}/${r.day}`, maxLength: 80 },
  )
  .map((rows) =>
    rows.map((r): AccountDayRecord => ({
      accountId: `a${r.account}`,
      date: addDays('2024-02-15', r.day),
      activeAdds: r.activeAdds,
      passiveAdds: r.passiveAdds,
      massSends: r.massSends,
      complaints: r.complaints,
    })),
  );

function inUnit(e: { value: number | null; numerator: number; denominator: number }): void {
  if (e.value === null) return;
  expect(e.value).toBeGreaterThanOrEqual(0);
  expect(e.value).toBeLessThanOrEqual(1);
}

describe('risk properties', () => {
  it('when accounts and days come in any order, then coverage and compliance are rates in [0,1] and the same', () => {
    fc.assert(
      fc.property(accounts, accountDays, fc.integer(), (as, ds, seed) => {
        const coverage = backupCoverage(as);
        inUnit(coverage);
        expect(backupCoverage(shuffle(as, seed))).toEqual(coverage);
        for (const month of ['2024-02', '2024-03', '2024-04']) {
          const rate = complianceRate(as, ds, month);
          inUnit(rate);
          expect(complianceRate(shuffle(as, seed), shuffle(ds, seed + 1), month)).toEqual(rate);
        }
        expect(riskAlerts(shuffle(as, seed), shuffle(ds, seed + 1))).toEqual(riskAlerts(as, ds));
      }),
    );
  });

  it('when words are planted in any text, then every reported match is that word at that index, and each planted one is found', () => {
    const words = ['金融', '投资', 'Crypto'];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 5 }),
            fc.constantFrom('金融', '投资', 'CRYPTO', 'crypto'),
          ),
          {
            maxLength: 10,
          },
        ),
        (parts) => {
          const text = parts.join('');
          const check = checkSensitiveText(text, words);
          for (const m of check.matches) {
            expect(text.slice(m.index, m.index + m.length).toLowerCase()).toBe(
              m.word.toLowerCase(),
            );
          }
          let offset = 0;
          for (const part of parts) {
            if (words.some((w) => w.toLowerCase() === part.toLowerCase())) {
              expect(check.matches.some((m) => m.index === offset)).toBe(true);
            }
            offset += part.length;
          }
          expect(check.flagged).toBe(check.matches.length > 0);
        },
      ),
    );
  });
});

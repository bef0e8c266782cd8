import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberChurn } from './membership.js';
import { dataSet, windowArb } from './oracle-arbitraries.js';
import { startOfLocalDate } from './time.js';

const TZ = 'Asia/Shanghai';

describe('memberChurn properties', () => {
  it('when nobody joins during the window, then the churn rate is within [0, 1]; otherwise it is at least never negative', () => {
    fc.assert(
      fc.property(dataSet(TZ), windowArb, ({ customers }, window) => {
        const churn = memberChurn({ customers, window, timeZone: TZ });
        expect(churn.churned_of_start_members.value!).toBeLessThanOrEqual(
          churn.members_at_start.value!,
        );
        const rate = churn.member_churn_rate.value;
        if (rate === null) {
          expect(churn.members_at_start.value).toBe(0);
          return;
        }
        expect(rate).toBeGreaterThanOrEqual(0);
        const start = startOfLocalDate(window.from, TZ).getTime();
        const joinsInside = customers.some(
          (c) => c.joinedPrivateAt !== null && c.joinedPrivateAt.getTime() >= start,
        );
        if (!joinsInside) expect(rate).toBeLessThanOrEqual(1);
      }),
    );
  });
});

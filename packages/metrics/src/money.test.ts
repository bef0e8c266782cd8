import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFen, applyRate, fenToYuan, fenToYuanText, sumFen, yuanToFen } from './money.js';

describe('yuanToFen', () => {
  it('when given yuan text with separators, symbols or signs, then it returns exact fen', () => {
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen('¥12.3')).toBe(1230);
    expect(yuanToFen('￥12.30')).toBe(1230);
    expect(yuanToFen('-0.5')).toBe(-50);
    expect(yuanToFen('-¥0.5')).toBe(-50);
    expect(yuanToFen('¥-0.5')).toBe(-50);
    expect(yuanToFen('+7')).toBe(700);
    expect(yuanToFen('  1234567  ')).toBe(123456700);
    expect(yuanToFen('0.07')).toBe(7);
  });

  it('when the float product would drift, then the parse is still exact', () => {
    // 1.15 * 100 === 114.99999999999999 and 4.35 * 100 === 434.99999999999994 in floats.
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('4.35')).toBe(435);
    expect(yuanToFen(4.35)).toBe(435);
    expect(yuanToFen('90071992547409.91')).toBe(9007199254740991);
  });

  it('when zero is negative, then the result is plain 0', () => {
    expect(Object.is(yuanToFen('-0'), 0)).toBe(true);
    expect(Object.is(yuanToFen('-0.00'), 0)).toBe(true);
  });

  it('when there are more than 2 significant decimals, then it throws a RangeError', () => {
    expect(() => yuanToFen('1.234')).toThrow(RangeError);
    expect(() => yuanToFen(0.1 + 0.2)).toThrow(RangeError);
    expect(() => yuanToFen(1e-7)).toThrow(RangeError);
  });

  it('when the extra decimals are zeros, then the amount is exact and accepted', () => {
    expect(yuanToFen('12.500')).toBe(1250);
  });

  it('when the text is not an amount, then it throws a RangeError', () => {
    for (const bad of [
      '',
      ' ',
      'abc',
      '12a',
      '1.2.3',
      '12,34',
      '1,2345',
      ',123',
      '--5',
      '-¥-5',
      '¥',
      '.',
      '1e3',
      'NaN',
    ]) {
      expect(() => yuanToFen(bad), bad).toThrow(RangeError);
    }
    expect(() => yuanToFen(Number.NaN)).toThrow(RangeError);
    expect(() => yuanToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('when the amount exceeds the safe integer range in fen, then it throws a RangeError', () => {
    expect(() => yuanToFen('90071992547409.92')).toThrow(RangeError);
    expect(() => yuanToFen(1e21)).toThrow(RangeError);
  });

  it('when any 2-decimal yuan text is parsed, then fenToYuanText gives it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (fen) => {
        expect(yuanToFen(fenToYuanText(fen))).toBe(fen);
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('fenToYuan / fenToYuanText', () => {
  it('when fen are converted, then yuan print exactly', () => {
    expect(fenToYuan(123456)).toBe(1234.56);
    expect(String(fenToYuan(115))).toBe('1.15');
    expect(fenToYuanText(-5)).toBe('-0.05');
    expect(fenToYuanText(0)).toBe('0.00');
    expect(fenToYuanText(123456789)).toBe('1234567.89');
  });

  it('when fen is not a safe integer, then it throws a RangeError', () => {
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuanText(2 ** 53)).toThrow(RangeError);
  });
});

describe('sumFen', () => {
  it('when integers are summed, then the total is exact', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([])).toBe(0);
    expect(sumFen(new Set([100, -30]))).toBe(70);
  });

  it('when a value is fractional or the sum overflows, then it throws a RangeError', () => {
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('applyRate', () => {
  it('when a rate is applied, then it rounds half away from zero to the fen', () => {
    expect(applyRate(10000, 0.05)).toBe(500);
    expect(applyRate(10, 0.05)).toBe(1); // 0.5 fen → 1
    expect(applyRate(-10, 0.05)).toBe(-1);
    expect(applyRate(9, 0.05)).toBe(0); // 0.45 fen → 0
    expect(applyRate(201, 0.005)).toBe(1); // 1.005 fen: floats say 1.0049999…, exact says 1
    expect(applyRate(333, 1 / 3)).toBe(111);
  });
});

describe('allocateFen', () => {
  it('when a total splits unevenly, then the parts still sum to the total', () => {
    expect(allocateFen(101, [0.5, 0.5])).toEqual([51, 50]);
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(100, [0.6, 0.2, 0.2])).toEqual([60, 20, 20]);
    expect(allocateFen(7, [0.1, 0.2, 0.7])).toEqual([1, 1, 5]);
  });

  it('when the largest remainder is not first, then the extra fen goes there', () => {
    expect(allocateFen(10, [0.14, 0.86])).toEqual([1, 9]); // quotas 1.4 and 8.6
  });

  it('when the total is negative, then the split mirrors the positive one', () => {
    expect(allocateFen(-101, [0.5, 0.5])).toEqual([-51, -50]);
    expect(allocateFen(0, [0.3, 0.7]).every((p) => Object.is(p, 0))).toBe(true);
  });

  it('when a share is zero, negative, non-finite or all are zero, then zero or an error', () => {
    expect(allocateFen(5, [0, 1])).toEqual([0, 5]);
    expect(() => allocateFen(5, [0, 0])).toThrow(RangeError);
    expect(() => allocateFen(5, [-1, 2])).toThrow(RangeError);
    expect(() => allocateFen(5, [Number.NaN])).toThrow(RangeError);
    expect(() => allocateFen(5, [])).toThrow(RangeError);
    expect(() => allocateFen(5.5, [1])).toThrow(RangeError);
  });

  it('when any total is split by any weights, then parts sum exactly and each is within one fen of its quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        // Weights are read as the decimals they print as; subnormal doubles print far from their
        // binary value, so the property uses the range real shares live in.
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 8,
        }),
        (total, shares) => {
          fc.pre(shares.some((s) => s > 0));
          const parts = allocateFen(total, shares);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = shares.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            const quota = (total * shares[i]!) / sum;
            expect(Math.abs(p - quota)).toBeLessThanOrEqual(1 + Math.abs(quota) * 1e-9);
          });
        },
      ),
    );
  });
});

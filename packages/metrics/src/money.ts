/**
 * Exact money. Amounts are integer fen (1 yuan = 100 fen) everywhere in this package; yuan appear
 * only at the edges (import files, JSON output). Parsing reads the text, never multiplies floats.
 */
import { decimalOf, roundScaled, scaledText } from './decimal.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

// Optional sign, optional ¥ or ￥ (either order), digits with or without correct 3-digit groups,
// optional fraction. Surrounding whitespace is allowed.
const AMOUNT = /^([+-]?)[¥￥]?([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Yuan → fen. Accepts '1,234.56', '¥12.3', '￥-0.5', '-¥0.5', ' 12 ', 12.3. More than two
 * decimals throw a RangeError unless the extra digits are zeros ('12.500' is exactly 12.50);
 * so does anything else that is not an amount, or a result beyond Number.MAX_SAFE_INTEGER fen.
 * A number argument is read as the text it prints as: 0.1 + 0.2 is rejected, not rounded.
 */
export function yuanToFen(text: string | number): number {
  let source: string;
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) throw new RangeError(`not a money amount: ${text}`);
    source = String(text);
  } else {
    source = text.trim().replace(/^−/, '-');
  }
  const m = AMOUNT.exec(source);
  if (!m || (m[1] && m[2])) throw new RangeError(`not a money amount: ${JSON.stringify(text)}`);
  const negative = (m[1] || m[2]) === '-';
  const fraction = (m[4] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) {
    throw new RangeError(`more than 2 decimals in a money amount: ${JSON.stringify(text)}`);
  }
  const fen = BigInt(m[3]!.replaceAll(',', '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (fen > MAX) throw new RangeError(`money amount too large: ${JSON.stringify(text)}`);
  return fen === 0n ? 0 : Number(negative ? -fen : fen);
}

/** Fen → yuan as a number, for JSON. Exact to the fen: fenToYuan(1234) prints as 12.34. */
export function fenToYuan(fen: number): number {
  assertFen(fen);
  return fen / 100;
}

/** Fen → '-1234.56': a plain yuan string with exactly two decimals, for CSV exports. */
export function fenToYuanText(fen: number): string {
  assertFen(fen);
  const text = scaledText(BigInt(Math.abs(fen)), 2, false);
  return fen < 0 ? `-${text}` : text;
}

/** Σ fen; throws a RangeError on a non-integer input or when the sum leaves the safe range. */
export function sumFen(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    assertFen(v);
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of fen beyond the safe range');
  }
  return total;
}

/**
 * fen × rate rounded to the nearest fen, halves away from zero, computed exactly
 * (the rate is read as the decimal it prints as: 0.05 is exactly 5%).
 * Used for commission at a reference rate and gross profit at a default margin.
 */
export function applyRate(fen: number, rate: number): number {
  assertFen(fen);
  const r = decimalOf(rate);
  const product = {
    negative: r.negative !== fen < 0,
    digits: BigInt(Math.abs(fen)) * r.digits,
    scale: r.scale,
  };
  const rounded = roundScaled(product, 0);
  if (rounded > MAX) throw new RangeError('fen × rate beyond the safe range');
  return rounded === 0n ? 0 : Number(product.negative ? -rounded : rounded);
}

/**
 * Splits an integer fen total by weights so the parts sum exactly to the total (largest-remainder
 * method, exact arithmetic). Each part is its exact quota rounded down or up by one fen; leftover
 * fen go to the largest remainders, ties to the earlier weight. A negative total splits as its
 * absolute value, negated. Weights must be finite, ≥ 0 and not all zero.
 * Attribution uses allocateFen(amount, [privateShare, 1 − privateShare]).
 */
export function allocateFen(total: number, shares: readonly number[]): number[] {
  assertFen(total);
  if (shares.length === 0) throw new RangeError('allocateFen needs at least one share');
  const decimals = shares.map((s) => {
    if (!Number.isFinite(s) || s < 0) throw new RangeError(`share must be finite and ≥ 0: ${s}`);
    return decimalOf(s);
  });
  const scale = Math.max(...decimals.map((d) => d.scale));
  const weights = decimals.map((d) => d.digits * 10n ** BigInt(scale - d.scale));
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError('allocateFen needs a share above zero');

  const amount = BigInt(Math.abs(total));
  const parts = weights.map((w) => (amount * w) / weightSum);
  const remainders = weights.map((w) => (amount * w) % weightSum);
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map((p) => (p === 0n ? 0 : Number(total < 0 ? -p : p)));
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer: ${fen}`);
}

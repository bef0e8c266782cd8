/**
 * Exact decimal arithmetic on BigInt, internal to this package. A JavaScript number is read as
 * the decimal it prints as (String(n)), so 1.005 is 1.005 and rounds to 1.01, never 1.00.
 */

/** |value| = digits / 10^scale; digits ≥ 0, scale ≥ 0. */
export interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export function decimalOf(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const m = NUMBER_TEXT.exec(String(n));
  if (!m) throw new RangeError(`cannot read ${n} as a decimal`);
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? '0');
  let digits = BigInt(`${m[2]}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: m[1] === '-' && digits !== 0n, digits, scale };
}

/** round(|d| × 10^fractionDigits), halves away from zero. */
export function roundScaled(d: Decimal, fractionDigits: number): bigint {
  const shift = fractionDigits - d.scale;
  if (shift >= 0) return d.digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return (d.digits * 2n + divisor) / (divisor * 2n);
}

/** Number of digits before the decimal point of |d| (0 when |d| < 1). */
export function integerDigits(d: Decimal): number {
  const whole = d.digits / 10n ** BigInt(d.scale);
  return whole === 0n ? 0 : whole.toString().length;
}

/** |d| / 10^power, exactly. */
export function shiftDown(d: Decimal, power: number): Decimal {
  return { ...d, scale: d.scale + power };
}

/** 'a.bc' text of an integer n scaled by 10^fractionDigits, digits grouped by 3 with ','. */
export function scaledText(n: bigint, fractionDigits: number, group = true): string {
  const text = n.toString().padStart(fractionDigits + 1, '0');
  const whole = text.slice(0, text.length - fractionDigits);
  const fraction = text.slice(text.length - fractionDigits);
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** |d| × 10^power, exactly. */
export function shiftUp(d: Decimal, power: number): Decimal {
  const scale = d.scale - power;
  if (scale >= 0) return { ...d, scale };
  return { ...d, digits: d.digits * 10n ** BigInt(-scale), scale: 0 };
}

/** floor(log10(|d|)) for d ≠ 0. */
export function orderOf(d: Decimal): number {
  return d.digits.toString().length - 1 - d.scale;
}

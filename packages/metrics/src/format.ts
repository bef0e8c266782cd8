/**
 * Number formatting for the dashboard and exports, in zh-CN and en. Rounding is exact decimal
 * rounding (halves away from zero) on the number as it prints, so 1.005 → '1.01'.
 * A missing value (null, undefined, or an Evidence whose value is null) formats as '—'; so do
 * NaN and ±Infinity, which should never reach here (see evidence.ts).
 *
 * Compact scales are explicit: zh-CN 万 = 1e4, 亿 = 1e8, 万亿 = 1e12; en K, M, B, T. Compact
 * numbers keep 3 significant digits (never fewer than the whole integer part) and drop trailing
 * zeros; a value that rounds up into the next scale is shown in it (99,995,000 → '1亿').
 */
import type { MetricUnit } from './catalog.js';
import {
  type Decimal,
  decimalOf,
  orderOf,
  roundScaled,
  scaledText,
  shiftDown,
  shiftUp,
} from './decimal.js';
import type { Evidence } from './evidence.js';
import type { Locale } from './locale.js';

export const MISSING = '—';

/** A number, a missing value, or an Evidence (its value is used). */
export type Formattable = number | null | undefined | Pick<Evidence, 'value'>;

export interface CompactOption {
  compact?: boolean;
}

interface Scale {
  power: number;
  suffix: string;
}

const SCALES: Readonly<Record<Locale, readonly Scale[]>> = {
  'zh-CN': [
    { power: 4, suffix: '万' },
    { power: 8, suffix: '亿' },
    { power: 12, suffix: '万亿' },
  ],
  en: [
    { power: 3, suffix: 'K' },
    { power: 6, suffix: 'M' },
    { power: 9, suffix: 'B' },
    { power: 12, suffix: 'T' },
  ],
};

const SIGNIFICANT = 3;

/** The finite number to format, or null when there is none. */
function present(x: Formattable): number | null {
  const n = typeof x === 'object' && x !== null ? x.value : x;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** |d| rounded to `fraction` digits, grouped; '' sign handling is the caller's. */
function fixed(d: Decimal, fraction: number, trim: boolean): { text: string; zero: boolean } {
  const rounded = roundScaled(d, fraction);
  const text = scaledText(rounded, fraction);
  return { text: trim ? trimZeros(text) : text, zero: rounded === 0n };
}

/** |d| in compact form: digits and scale suffix. */
function compact(d: Decimal, locale: Locale, maxFraction: number): { text: string; zero: boolean } {
  if (d.digits === 0n) return { text: '0', zero: true };
  const scales = SCALES[locale];
  let i = -1;
  while (i + 1 < scales.length && orderOf(d) >= scales[i + 1]!.power) i++;
  for (;;) {
    const base = i >= 0 ? scales[i]!.power : 0;
    const scaled = shiftDown(d, base);
    const fraction = Math.min(
      Math.max(0, SIGNIFICANT - 1 - orderOf(scaled)),
      i >= 0 ? SIGNIFICANT - 1 : maxFraction,
    );
    const rounded = roundScaled(scaled, fraction);
    const next = scales[i + 1];
    if (next && rounded >= 10n ** BigInt(next.power - base + fraction)) {
      i++; // rounding carried the value into the next scale
      continue;
    }
    const text = trimZeros(scaledText(rounded, fraction));
    return { text: `${text}${i >= 0 ? scales[i]!.suffix : ''}`, zero: rounded === 0n };
  }
}

function signed(negative: boolean, zero: boolean, body: string, plus = false): string {
  if (zero) return body;
  if (negative) return `-${body}`;
  return plus ? `+${body}` : body;
}

/**
 * Yuan (the API's money unit) → '¥1,234.56'; compact: '¥1.23万', '¥3.4亿' (zh-CN), '¥12.3K',
 * '¥1.2M' (en). Only the database keeps fen.
 */
export function formatMoney(
  yuanValue: Formattable,
  locale: Locale,
  options: CompactOption = {},
): string {
  const n = present(yuanValue);
  if (n === null) return MISSING;
  const d = decimalOf(n);
  const yuan: Decimal = d;
  const body = options.compact ? compact(yuan, locale, 2) : fixed(yuan, 2, false);
  return signed(d.negative, body.zero, `¥${body.text}`);
}

export interface NumberOptions extends CompactOption {
  /** Most fraction digits shown outside compact mode (trailing zeros dropped). Default 2. */
  digits?: number;
}

/** 1234.5 → '1,234.5'; compact: '1.23万' (zh-CN), '1.23K' (en). */
export function formatNumber(x: Formattable, locale: Locale, options: NumberOptions = {}): string {
  const n = present(x);
  if (n === null) return MISSING;
  const d = decimalOf(n);
  const body = options.compact
    ? compact(d, locale, options.digits ?? 2)
    : fixed(d, options.digits ?? 2, true);
  return signed(d.negative, body.zero, body.text);
}

export interface PercentOptions {
  /** Fraction digits, kept even when zero. Default 1. */
  digits?: number;
  /** Prefix positive values with '+'. */
  signed?: boolean;
}

/** A ratio as a percent: 0.123 → '12.3%'. Same in both locales. */
export function formatPercent(
  ratio: Formattable,
  _locale: Locale,
  options: PercentOptions = {},
): string {
  const n = present(ratio);
  if (n === null) return MISSING;
  const d = decimalOf(n);
  const body = fixed(shiftUp(d, 2), options.digits ?? 1, false);
  return signed(d.negative, body.zero, `${body.text}%`, options.signed);
}

/**
 * A difference of two ratios in percentage points, always signed:
 * 0.012 → '+1.2 pp' (en), '+1.2 个百分点' (zh-CN). Zero has no sign.
 */
export function formatPercentPointDelta(
  difference: Formattable,
  locale: Locale,
  options: { digits?: number } = {},
): string {
  const n = present(difference);
  if (n === null) return MISSING;
  const d = decimalOf(n);
  const body = fixed(shiftUp(d, 2), options.digits ?? 1, false);
  const unit = locale === 'zh-CN' ? '个百分点' : 'pp';
  return `${signed(d.negative, body.zero, body.text, true)} ${unit}`;
}

function withUnit(
  x: Formattable,
  digits: number,
  unit: (text: string, one: boolean) => string,
): string {
  const n = present(x);
  if (n === null) return MISSING;
  const d = decimalOf(n);
  const body = fixed(d, digits, true);
  const text = signed(d.negative, body.zero, body.text);
  return unit(text, text === '1');
}

/** '3 天' / '3 days', '1 day'. */
export function formatDays(
  days: Formattable,
  locale: Locale,
  options: { digits?: number } = {},
): string {
  return withUnit(days, options.digits ?? 1, (t, one) =>
    locale === 'zh-CN' ? `${t} 天` : `${t} ${one ? 'day' : 'days'}`,
  );
}

/** '2.5 小时' / '2.5 hours', '1 hour'. */
export function formatHours(
  hours: Formattable,
  locale: Locale,
  options: { digits?: number } = {},
): string {
  return withUnit(hours, options.digits ?? 1, (t, one) =>
    locale === 'zh-CN' ? `${t} 小时` : `${t} ${one ? 'hour' : 'hours'}`,
  );
}

/** A month number since private launch (month 1 = the launch month): '第 8 个月' / 'month 8'. */
export function formatMonths(month: Formattable, locale: Locale): string {
  return withUnit(month, 0, (t) => (locale === 'zh-CN' ? `第 ${t} 个月` : `month ${t}`));
}

/** A multiple: 2.4 → '2.4 倍' / '2.4×'. */
export function formatMultiple(
  x: Formattable,
  locale: Locale,
  options: { digits?: number } = {},
): string {
  return withUnit(x, options.digits ?? 1, (t) => (locale === 'zh-CN' ? `${t} 倍` : `${t}×`));
}

/** Orders per buyer: 2.1 → '2.1 次' / '2.1 orders'. */
export function formatPerBuyer(
  x: Formattable,
  locale: Locale,
  options: { digits?: number } = {},
): string {
  return withUnit(x, options.digits ?? 1, (t, one) =>
    locale === 'zh-CN' ? `${t} 次` : `${t} ${one ? 'order' : 'orders'}`,
  );
}

/** A 0–100 score: '72 分' / '72'. */
export function formatScore(x: Formattable, locale: Locale): string {
  return withUnit(x, 0, (t) => (locale === 'zh-CN' ? `${t} 分` : t));
}

const STAGES: Readonly<Record<number, string>> = { 1: '0→1', 2: '1→10', 3: '10→100' };

/** Organisation stage 1, 2, 3 → '0→1 阶段' / 'stage 0→1'; anything else → '—'. */
export function formatStage(stage: Formattable, locale: Locale): string {
  const n = present(stage);
  if (n === null) return MISSING;
  const label = STAGES[n];
  if (!label) return MISSING;
  return locale === 'zh-CN' ? `${label} 阶段` : `stage ${label}`;
}

/** Formats a value in a catalog unit (see catalog.ts). Money is yuan, as the API answers it. */
export function formatValue(
  value: Formattable,
  unit: MetricUnit,
  locale: Locale,
  options: CompactOption = {},
): string {
  switch (unit) {
    case 'money':
      return formatMoney(value, locale, options);
    case 'count':
      return formatNumber(value, locale, { ...options, digits: 0 });
    case 'ratio':
      return formatPercent(value, locale);
    case 'multiple':
      return formatMultiple(value, locale);
    case 'per_buyer':
      return formatPerBuyer(value, locale);
    case 'hours':
      return formatHours(value, locale);
    case 'months':
      return formatMonths(value, locale);
    case 'score':
      return formatScore(value, locale);
    case 'stage':
      return formatStage(value, locale);
  }
}

import { yuanToFen } from '@yugang/metrics';

/**
 * Cell text → typed value, one parser per column type. Each throws a ValueError whose message is
 * the reason shown to the user; the caller adds the line and column.
 */
export class ValueError extends Error {}

/**
 * A point in time as the file gives it: `local` is a wall-clock time in the workspace time zone
 * ('YYYY-MM-DD HH:mm:ss', converted by Postgres during the merge), `absolute` an instant with an
 * explicit offset (ISO 8601 with Z or ±hh:mm). Exactly one is set.
 */
export interface Instant {
  local: string | null;
  absolute: string | null;
}

const DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CHINESE_DATE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:时](\d{2})分?(?::(\d{2})秒?)?)?$/;

export function parseInstant(text: string): Instant {
  const local = plainLocal(text, true);
  if (local !== null) return { local, absolute: null };
  const m = DATE_TIME.exec(text) ?? CHINESE_DATE.exec(text);
  if (!m) throw new ValueError(`not a date/time: ${quote(text)} (use YYYY-MM-DD HH:mm)`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const date = checkedDate(y!, mo!, d!, text);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) throw new ValueError(`not a time: ${quote(text)}`);
  const time = `${pad(hour)}:${pad(minute)}:${pad(second)}${frac ?? ''}`;
  if (!zone) return { local: `${date} ${time}`, absolute: null };
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
  return { local: null, absolute: `${date}T${time}${offset}` };
}

/** A calendar date; a date-time without an offset is accepted and its time dropped. */
export function parseDate(text: string): string {
  const plain = plainLocal(text, false);
  if (plain !== null) return plain;
  const m = DATE_TIME.exec(text) ?? CHINESE_DATE.exec(text);
  if (!m || m[8]) throw new ValueError(`not a date: ${quote(text)} (use YYYY-MM-DD)`);
  return checkedDate(m[1]!, m[2]!, m[3]!, text);
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 0–9 for an ASCII digit at `i`, else -1. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(text: string, i: number): number {
  const a = digitAt(text, i);
  const b = digitAt(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * The fast path for the shapes nearly every export uses: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` and
 * `YYYY-MM-DD HH:mm:ss` (separators as DATE_TIME allows, T or a space before the time). Returns
 * the wall-clock text ('YYYY-MM-DD HH:mm:ss', or 'YYYY-MM-DD' when `withTime` is false) or null
 * for anything else, valid or not, which the general parser then reads or explains. It accepts
 * exactly what DATE_TIME + checkedDate (+ the hour/minute/second ranges for a time) accept.
 */
function plainLocal(text: string, withTime: boolean): string | null {
  const n = text.length;
  if (n !== 10 && n !== 16 && n !== 19) return null;
  const s1 = text.charCodeAt(4);
  const s2 = text.charCodeAt(7);
  // '-', '.', '/'
  if ((s1 !== 45 && s1 !== 46 && s1 !== 47) || (s2 !== 45 && s2 !== 46 && s2 !== 47)) return null;
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return null;
  const year = y1 * 100 + y2;
  if (year < 1900 || year > 2200) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month]! + (leap ? 1 : 0)) return null;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    const t = text.charCodeAt(10);
    // ' ', 'T', 't'
    if (t !== 32 && t !== 84 && t !== 116) return null;
    hour = twoDigits(text, 11);
    minute = twoDigits(text, 14);
    if (hour < 0 || minute < 0 || text.charCodeAt(13) !== 58) return null;
    if (n === 19) {
      second = twoDigits(text, 17);
      if (second < 0 || text.charCodeAt(16) !== 58) return null;
    }
    if (withTime && (hour > 23 || minute > 59 || second > 59)) return null;
  }
  const canonical = s1 === 45 && s2 === 45;
  const date = canonical
    ? text.slice(0, 10)
    : `${text.slice(0, 4)}-${text.slice(5, 7)}-${text.slice(8, 10)}`;
  if (!withTime) return date;
  if (n === 10) return `${date} 00:00:00`;
  if (canonical && text.charCodeAt(10) === 32) return n === 19 ? text : `${text}:00`;
  return `${date} ${text.slice(11, 16)}:${n === 19 ? text.slice(17, 19) : '00'}`;
}

/** A month: 'YYYY-MM', 'YYYY/MM', '2024年3月' or any date in it → its first day. */
export function parseMonth(text: string): string {
  if (text.length === 7) {
    const sep = text.charCodeAt(4);
    const y1 = twoDigits(text, 0);
    const y2 = twoDigits(text, 2);
    const month = twoDigits(text, 5);
    const year = y1 * 100 + y2;
    if ((sep === 45 || sep === 47) && y1 >= 0 && y2 >= 0 && month >= 1 && month <= 12) {
      if (year >= 1900 && year <= 2200) return `${text.slice(0, 4)}-${text.slice(5, 7)}-01`;
    }
  }
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (m) return checkedDate(m[1]!, m[2]!, '1', text);
  try {
    return `${parseDate(text).slice(0, 8)}01`;
  } catch {
    throw new ValueError(`not a month: ${quote(text)} (use YYYY-MM)`);
  }
}

function checkedDate(y: string, mo: string, d: string, text: string): string {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > days) {
    throw new ValueError(`not a calendar date: ${quote(text)}`);
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

function normaliseOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '');
  const hh = digits.slice(0, 2);
  const mm = digits.slice(2) || '00';
  if (Number(hh) > 14 || Number(mm) > 59) throw new ValueError(`not a time zone offset: ${zone}`);
  return `${zone[0]}${hh}:${mm}`;
}

/** Plain yuan (`1299`, `1299.5`, `1299.05`: up to 13 digits, up to 2 decimals) → fen, else -1. */
function plainFen(text: string): number {
  const n = text.length;
  let i = 0;
  let yuan = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    yuan = yuan * 10 + d;
  }
  if (i === 0 || i > 13) return -1;
  if (i === n) return yuan * 100;
  if (text.charCodeAt(i) !== 46 || n - i < 2 || n - i > 3) return -1;
  const d1 = digitAt(text, i + 1);
  const d2 = n - i === 3 ? digitAt(text, i + 2) : 0;
  if (d1 < 0 || d2 < 0) return -1;
  // Exact: integers below 2^53.
  return yuan * 100 + d1 * 10 + d2;
}

/** Yuan text → integer fen; `min` 0 rejects negative amounts. */
export function parseMoney(text: string, min?: number): number {
  let fen = plainFen(text);
  if (fen < 0) {
    try {
      fen = yuanToFen(text);
    } catch (error) {
      throw new ValueError(
        error instanceof RangeError && /decimals/.test(error.message)
          ? `more than 2 decimals: ${quote(text)}`
          : `not an amount in yuan: ${quote(text)}`,
      );
    }
  }
  if (min !== undefined && fen < min) throw new ValueError(`must not be negative: ${quote(text)}`);
  return fen;
}

/** A whole count ≥ 0 (thousands separators allowed; '12.0' from a spreadsheet is 12). */
export function parseCount(text: string): number {
  if (text.length <= 9) {
    let n = 0;
    let i = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === text.length && i > 0) return n;
  }
  const clean = text.replaceAll(',', '').replace(/\.0+$/, '');
  if (!/^\d{1,9}$/.test(clean)) {
    throw new ValueError(
      /^-\d/.test(clean)
        ? `must not be negative: ${quote(text)}`
        : `not a whole number: ${quote(text)}`,
    );
  }
  const n = Number(clean);
  if (n > 2_147_483_647) throw new ValueError(`too large: ${quote(text)}`);
  return n;
}

/** A rate between 0 and 1: '0.05', '5%'. */
export function parseRate(text: string): number {
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1).trim() : text;
  if (!/^\d+(\.\d+)?$/.test(body)) throw new ValueError(`not a rate: ${quote(text)}`);
  const value = percent ? Number(body) / 100 : Number(body);
  const rounded = Math.round(value * 10_000) / 10_000;
  if (rounded > 1) throw new ValueError(`a rate must be between 0 and 1 (or 0%–100%): ${text}`);
  if (Math.abs(rounded - value) > 1e-12) {
    throw new ValueError(`a rate has at most 4 decimals (2 in percent): ${quote(text)}`);
  }
  return rounded;
}

const BOOLEANS = new Map<string, boolean>([
  ['是', true],
  ['否', false],
  ['true', true],
  ['false', false],
  ['t', true],
  ['f', false],
  ['1', true],
  ['0', false],
  ['y', true],
  ['n', false],
  ['yes', true],
  ['no', false],
  ['已退货', true],
  ['未退货', false],
]);

export function parseBoolean(text: string): boolean {
  const value = BOOLEANS.get(text) ?? BOOLEANS.get(text.toLowerCase());
  if (value === undefined) throw new ValueError(`not yes/no: ${quote(text)} (use 是/否 or 1/0)`);
  return value;
}

/** Words → one allowed value. Keys are compared lower-cased without spaces. */
export function enumParser<T extends string>(
  what: string,
  words: Record<T, readonly string[]>,
): (text: string) => T {
  const lookup = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(words) as [T, readonly string[]][]) {
    lookup.set(value.toLowerCase(), value);
    for (const word of synonyms) lookup.set(word.toLowerCase().replace(/\s+/g, ''), value);
  }
  const allowed = Object.keys(words).join(', ');
  return (text) => {
    // A key is already lower-case without spaces: an exact hit is what normalising would find.
    const value = lookup.get(text) ?? lookup.get(text.toLowerCase().replace(/\s+/g, ''));
    if (value === undefined) throw new ValueError(`unknown ${what} ${quote(text)} (${allowed})`);
    return value;
  };
}

export const parseDomain = enumParser('domain', {
  public: ['公域', '公'],
  private: ['私域', '私'],
});

export const parseCategory = enumParser('category', {
  labor: ['人力', '人力成本', '人工'],
  tools: ['tool', '工具', '工具成本', '软件'],
  traffic: ['流量', '流量采购', '投放', '拉新'],
  trial: ['试错', '试错成本', '测试'],
  fixed: ['固定', '固定成本'],
});

export const parseStatus = enumParser('status', {
  pending: ['待付款', '待支付', '未付款', 'unpaid'],
  paid: ['已付款', '已支付', '待发货'],
  shipped: ['已发货', '待收货', '运输中'],
  completed: ['已完成', '完成', '交易成功', '已收货', '已签收', 'complete', 'done', 'success'],
  cancelled: ['已取消', '取消', '交易关闭', '已关闭', 'canceled', 'closed'],
});

/** An id or code: text up to 200 characters. */
export function parseId(text: string): string {
  if (text.length > 200) throw new ValueError('longer than 200 characters');
  if (text.includes('+') && /^\d+(\.\d+)?E\+\d+$/i.test(text)) {
    // Excel shows long numbers such as order ids as 1.23457E+17 and saves them so: digits lost.
    throw new ValueError(
      `${quote(text)} is a number Excel shortened; format the column as text and export again`,
    );
  }
  return text;
}

/**
 * A phone column after the row converter hashed any mainland mobile in it (identity.ts): the hash,
 * or no value for a masked number (138****1234 names nobody); anything else is an error rather
 * than text stored as it is (it could be a phone we do not recognise).
 */
export function parsePhone(text: string): string | null {
  if (/^ph_[0-9a-f]{40}$/.test(text)) return text;
  if (text.includes('*')) return null;
  throw new ValueError(`not a mainland mobile number: ${quote(text.replace(/\d(?=\d{4})/g, '*'))}`);
}

export function parseText(text: string): string {
  if (text.length > 2000) throw new ValueError('longer than 2000 characters');
  return text;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * What platform exports wrap around a value so Excel keeps it as text: `="123"` (formula text),
 * a leading tab or apostrophe, surrounding spaces. Returns the bare value.
 */
export function cleanCell(text: string): string {
  let value = text.trim();
  if (value.length >= 3 && value.charCodeAt(0) === 61 && value.charCodeAt(1) === 34) {
    // ="…" (the closing quote may be missing when the export cut the cell)
    value = value.slice(2, value.endsWith('"') ? -1 : undefined).trim();
  }
  while (value.startsWith("'") || value.startsWith('\t') || value.startsWith('`')) {
    value = value.slice(1).trim();
  }
  return value;
}

/** An amount as platforms print it (¥1,299.00, 1299.00元, ￥12) → plain yuan text, else as is. */
export function plainAmount(text: string): string {
  const value = text
    .normalize('NFKC')
    .replace(/^(¥|￥|rmb|cny)\s*/iu, '')
    .replace(/\s*元$/u, '');
  return /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? value.replaceAll(',', '') : value;
}

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
  const m = DATE_TIME.exec(text) ?? CHINESE_DATE.exec(text);
  if (!m || m[8]) throw new ValueError(`not a date: ${quote(text)} (use YYYY-MM-DD)`);
  return checkedDate(m[1]!, m[2]!, m[3]!, text);
}

/** A month: 'YYYY-MM', 'YYYY/MM', '2024年3月' or any date in it → its first day. */
export function parseMonth(text: string): string {
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

const SIMPLE_YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Yuan text → integer fen; `min` 0 rejects negative amounts. */
export function parseMoney(text: string, min?: number): number {
  let fen: number;
  const m = SIMPLE_YUAN.exec(text);
  if (m) {
    // Fast path, exact: integers below 2^53.
    const fraction = m[2] ?? '';
    fen = Number(m[1]) * 100 + (fraction.length === 0 ? 0 : Number(fraction.padEnd(2, '0')));
  } else {
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

const BOOLEANS: Record<string, boolean> = {
  是: true,
  否: false,
  true: true,
  false: false,
  t: true,
  f: false,
  '1': true,
  '0': false,
  y: true,
  n: false,
  yes: true,
  no: false,
  已退货: true,
  未退货: false,
};

export function parseBoolean(text: string): boolean {
  const value = BOOLEANS[text.toLowerCase()];
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
    const value = lookup.get(text.toLowerCase().replace(/\s+/g, ''));
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
  if (/^\d+(\.\d+)?E\+\d+$/i.test(text)) {
    // Excel shows long numbers such as order ids as 1.23457E+17 and saves them so: digits lost.
    throw new ValueError(
      `${quote(text)} is a number Excel shortened; format the column as text and export again`,
    );
  }
  return text;
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

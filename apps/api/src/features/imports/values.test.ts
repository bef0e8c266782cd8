import { describe, expect, it } from 'vitest';
import { CsvParser, sniffDelimiter, type SourceRow } from './csv.js';
import { checkUtf8 } from './decode.js';
import { normaliseHeader } from './header-map.js';
import {
  parseBoolean,
  parseCount,
  parseDate,
  parseId,
  parseInstant,
  parseMoney,
  parseMonth,
  parseRate,
  parseStatus,
} from './values.js';
import { csvText } from '../../db/csv-line.js';
import { isDateFormatCode, serialToText } from './xlsx.js';

describe('cell values', () => {
  it('when times are written the ways brands write them, then each reads as local or absolute', () => {
    expect(parseInstant('2024-03-01 10:15')).toEqual({
      local: '2024-03-01 10:15:00',
      absolute: null,
    });
    expect(parseInstant('2024/3/1')).toEqual({ local: '2024-03-01 00:00:00', absolute: null });
    expect(parseInstant('2024年3月1日 8:05')).toEqual({
      local: '2024-03-01 08:05:00',
      absolute: null,
    });
    expect(parseInstant('2024-03-01T10:15:30.5+0800')).toEqual({
      local: null,
      absolute: '2024-03-01T10:15:30.5+08:00',
    });
    expect(parseInstant('2024-03-01T02:15:00Z').absolute).toBe('2024-03-01T02:15:00Z');
    for (const bad of [
      '2024-02-30',
      '2023-02-29 10:00',
      '2024-03-01 24:00',
      '03/01/2024',
      'soon',
    ]) {
      expect(() => parseInstant(bad), bad).toThrow();
    }
    expect(parseDate('2024-02-29 13:00')).toBe('2024-02-29');
    expect(parseMonth('2024-3')).toBe('2024-03-01');
    expect(parseMonth('2024年11月')).toBe('2024-11-01');
    expect(parseMonth('2024-11-17')).toBe('2024-11-01');
  });

  it('when amounts are written in yuan, then they become exact fen', () => {
    expect(parseMoney('1299')).toBe(129_900);
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('¥1,299.05')).toBe(129_905);
    expect(parseMoney('-12.5')).toBe(-1250);
    expect(parseMoney('12.300')).toBe(1230);
    expect(() => parseMoney('-1', 0)).toThrow(/negative/);
    expect(() => parseMoney('1.234')).toThrow(/2 decimals/);
    expect(() => parseMoney('12元')).toThrow(/not an amount/);
  });

  it('when flags, statuses, counts and rates come in Chinese or English, then they map', () => {
    expect(['是', '否', 'Y', 'n', 'TRUE', '0'].map(parseBoolean)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(['已完成', '已取消', 'Cancelled', '交易成功', '已发货'].map(parseStatus)).toEqual([
      'completed',
      'cancelled',
      'cancelled',
      'completed',
      'shipped',
    ]);
    expect(() => parseStatus('未知')).toThrow(/unknown status/);
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('12.0')).toBe(12);
    expect(() => parseCount('-3')).toThrow(/negative/);
    expect(parseRate('5%')).toBe(0.05);
    expect(parseRate('0.055')).toBe(0.055);
    expect(() => parseRate('120%')).toThrow();
  });

  it('when an id was shortened by Excel to 1.23E+17, then it is refused instead of stored', () => {
    expect(() => parseId('1.23457E+17')).toThrow(/Excel shortened/);
    expect(parseId('E2024')).toBe('E2024');
    expect(parseId('20240301123456789')).toBe('20240301123456789');
  });

  it('when headers differ in case, spaces, width or a unit, then they normalise alike', () => {
    expect(normaliseHeader(' Order ID ')).toBe(normaliseHeader('order_id'));
    expect(normaliseHeader('实付金额（元）')).toBe(normaliseHeader('实付金额'));
    expect(normaliseHeader('Ｏｒｄｅｒ＿ＩＤ')).toBe('orderid');
  });

  it('when an Excel serial is read, then it is the wall-clock time it shows', () => {
    expect(serialToText(45352)).toBe('2024-03-01');
    expect(serialToText(45352.5)).toBe('2024-03-01 12:00:00');
  });

  it('when a number format shows a date or a time, then it is a date format, and text or money formats are not', () => {
    for (const code of [
      'yyyy"年"m"月"d"日";@',
      'yyyy-mm-dd hh:mm:ss',
      '[$-804]yyyy/m/d',
      'h:mm AM/PM',
      'mm:ss.0',
    ]) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of ['@', '"Day "@', '0.00"元"', '#,##0.00;[Red]-#,##0.00', '0%', 'General']) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
  });

  it('when common shapes take the fast paths, then edge values read as the general parsers read them', () => {
    expect(parseInstant('2024-02-29 23:59:59').local).toBe('2024-02-29 23:59:59');
    expect(parseInstant('2024/02/29T08:05').local).toBe('2024-02-29 08:05:00');
    expect(parseInstant('2000-02-29').local).toBe('2000-02-29 00:00:00');
    for (const bad of [
      '1900-02-29',
      '2100-02-29',
      '1899-12-31',
      '2201-01-01',
      '2024-13-01',
      '2024-04-31',
    ]) {
      expect(() => parseInstant(bad), bad).toThrow(/calendar date/);
    }
    expect(() => parseInstant('2024-03-01 10:60')).toThrow(/not a time/);
    // A date drops the time as before, whatever it says.
    expect(parseDate('2024-03-01 25:00')).toBe('2024-03-01');
    expect(parseMonth('2024/03')).toBe('2024-03-01');
    expect(() => parseMonth('2024-13')).toThrow(/not a calendar date/);
    expect(parseMoney('1234567890123.45')).toBe(123_456_789_012_345);
    expect(parseMoney('0.5')).toBe(50);
    expect(() => parseMoney('1.')).toThrow(/not an amount/);
    expect(parseCount('000000042')).toBe(42);
    expect(parseBoolean('是')).toBe(true);
    expect(() => parseBoolean('constructor')).toThrow(/not yes\/no/);
    expect(parseStatus('交易成功')).toBe('completed');
    expect(parseStatus(' Canceled ')).toBe('cancelled');
  });

  it('when text goes into a COPY line, then quotes, commas, line breaks, empty text and \\. are quoted', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', '', '\\.', '中文'].map(csvText)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '""',
      '"\\."',
      '中文',
    ]);
  });
});

describe('csv parser', () => {
  const parse = (chunks: string[], max = 1000) => {
    const parser = new CsvParser(',', max, 50);
    const out: SourceRow[] = [];
    for (const chunk of chunks) parser.push(chunk, out);
    parser.finish(out);
    return out;
  };

  it('when fields are quoted across chunks and lines, then records and line numbers are right', () => {
    const text = 'a,b\r\n"x, ""y""",2\r\n\r\n"multi\nline",3\nlast,4';
    for (const size of [1, 2, 3, 7, text.length]) {
      const chunks = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(parse(chunks), `chunk ${size}`).toEqual([
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, "y"', '2'] },
        { line: 4, cells: ['multi\nline', '3'] },
        { line: 6, cells: ['last', '4'] },
      ]);
    }
  });

  it('when a record is longer than the limit, then it stops with line_too_long', () => {
    expect(() => parse(['a\n', 'b'.repeat(600), 'c'.repeat(600)])).toThrow(/line 2 is longer/);
  });

  it('when the header uses tabs or semicolons, then the delimiter follows', () => {
    expect(sniffDelimiter('a\tb\tc\n1,2')).toBe('\t');
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('a,b;c')).toBe(',');
  });

  it('when bytes are checked as UTF-8, then a cut sequence at the end of a sample is fine', () => {
    const bytes = Buffer.from('订单');
    expect(checkUtf8(bytes.subarray(0, 4), false).valid).toBe(true);
    expect(checkUtf8(bytes.subarray(0, 4), true).valid).toBe(false);
    expect(checkUtf8(Buffer.from([0x41, 0xb6, 0xa9]), true)).toMatchObject({
      valid: false,
      errorAt: 1,
    });
  });
});

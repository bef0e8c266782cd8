import { describe, expect, it } from 'vitest';
import { parseCsv, previewCsv } from './csv-preview';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('previewCsv', () => {
  it('when a UTF-8 file with BOM and quoted amounts is read, then header and rows come out whole', () => {
    const file = utf8('\uFEFF订单号,实付金额\r\nO1,"¥1,299.00"\r\nO2,"say ""hi"""\r\n');
    expect(previewCsv(file, true)).toEqual({
      header: ['订单号', '实付金额'],
      rows: [
        ['O1', '¥1,299.00'],
        ['O2', 'say "hi"'],
      ],
      encoding: 'utf-8',
    });
  });

  it('when the file is GB18030 (Excel in China), then Chinese headers decode', () => {
    // 订单号 in GB18030
    const header = new Uint8Array([0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5]);
    const file = new Uint8Array([...header, 0x2c, 0x61, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
    const preview = previewCsv(file, true);
    expect(preview.encoding).toBe('gb18030');
    expect(preview.header).toEqual(['订单号', 'a']);
  });

  it('when only the start of a large file is read, then the cut line is dropped and rows are capped', () => {
    const text = 'id,name\n' + Array.from({ length: 50 }, (_, i) => `${i},客户${i}`).join('\n');
    const bytes = utf8(text).subarray(0, 40);
    const preview = previewCsv(bytes, false, 3);
    expect(preview.rows.length).toBeLessThanOrEqual(3);
    expect(preview.rows.every((r) => r.length === 2)).toBe(true);
  });

  it('when the header uses tabs, then tab is the delimiter', () => {
    expect(parseCsv('a\tb\n1\t2\n', 5)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

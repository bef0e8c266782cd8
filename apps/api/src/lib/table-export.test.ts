import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../features/imports/limits.js';
import { readXlsxRows } from '../features/imports/xlsx.js';
import { csvText, neutralise, writeXlsx, type TableView } from './table-export.js';

interface Row {
  name: string;
  amount: number | string;
}

const view: TableView<Row> = {
  columns: [
    { label: '名称', value: (r) => r.name },
    { label: '金额', value: (r) => r.amount },
  ],
  rows: [
    { name: '=HYPERLINK("http://x","点我")', amount: -5 },
    { name: '+1', amount: '-5' },
    { name: '@SUM(A1)', amount: 12.5 },
    { name: '\tTab', amount: 0 },
    { name: '普通, "引号"', amount: 1 },
  ],
};

describe('table export', () => {
  it('when text starts like a formula, then it gets a leading apostrophe and numbers stay', () => {
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', 'ok', ''].map(neutralise)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      'ok',
      '',
    ]);
  });

  it('when a view is written as CSV, then it has a BOM, CRLF, quoting and neutralised cells', async () => {
    const text = await csvText(view);
    expect(text.split('\r\n')).toEqual([
      '\ufeff名称,金额',
      `"'=HYPERLINK(""http://x"",""点我"")",-5`,
      "'+1,'-5",
      "'@SUM(A1),12.5",
      "'\tTab,0",
      '"普通, ""引号""",1',
      '',
    ]);
  });

  it('when a view is written as XLSX, then the import reader reads the same cells back', async () => {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeXlsx(out, view, '导出');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yugang-export-')), 'view.xlsx');
    writeFileSync(file, Buffer.concat(chunks));
    const rows = [];
    for await (const row of readXlsxRows(file, DEFAULT_LIMITS, () => {})) rows.push(row);
    expect(rows.map((r) => r.cells)).toEqual([
      ['名称', '金额'],
      [`'=HYPERLINK("http://x","点我")`, '-5'],
      ["'+1", "'-5"],
      ["'@SUM(A1)", '12.5'],
      ["'\tTab", '0'],
      ['普通, "引号"', '1'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

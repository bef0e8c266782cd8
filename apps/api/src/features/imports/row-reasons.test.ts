import { localizeRowReason, rowReasonCode } from '@yugang/contract';
import { describe, expect, it } from 'vitest';
import { FIELD_PARSERS, KIND_SPECS } from './kinds/index.js';
import { ValueError } from './values.js';

/** Bad cells for each field type: every message they raise must be in the contract's catalog. */
const BAD: Record<string, string[]> = {
  id: ['x'.repeat(201), '1.23457E+17'],
  phone: ['010-87654321'],
  text: ['x'.repeat(2001)],
  instant: ['yesterday', '2024-02-30 10:00', '2024-03-01 25:00', '2024-03-01T10:00:00+99:99'],
  date: ['March', '2024-02-30'],
  month: ['2024-13', 'spring'],
  money: ['12.345', 'abc', '99999999999999999'],
  money_nonneg: ['-1'],
  count: ['1.5', '-2', '99999999999'],
  rate: ['x', '150%', '0.123456'],
  bool: ['maybe'],
  status: ['交易异常'],
  domain: ['both'],
  category: ['misc'],
};

describe('row problems in the user language', () => {
  it('every message a cell parser raises has a code and a Chinese form in the catalog', () => {
    const unknown: string[] = [];
    for (const [type, cells] of Object.entries(BAD)) {
      for (const cell of cells) {
        try {
          FIELD_PARSERS[type as keyof typeof FIELD_PARSERS](cell);
        } catch (error) {
          if (!(error instanceof ValueError)) throw error;
          const zh = localizeRowReason(error.message, 'zh-CN');
          if (rowReasonCode(error.message) === null || zh === error.message) {
            unknown.push(`${type}: ${error.message}`);
          }
          continue;
        }
        throw new Error(`${type} accepted ${cell}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('every rule between fields of every kind has a Chinese form', () => {
    for (const spec of Object.values(KIND_SPECS)) {
      for (const check of spec.sqlChecks) {
        expect(localizeRowReason(check.reason, 'zh-CN'), check.reason).not.toBe(check.reason);
      }
    }
  });
});

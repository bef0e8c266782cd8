import { describe, expect, it } from 'vitest';
import { localizeRowReason, rowReasonCode, SKIP_REASONS } from './imports.js';

describe('the row-problem catalog', () => {
  it('when the API names an unknown customer, then Chinese says to import customers first', () => {
    expect(localizeRowReason('unknown customer C9: import customers first', 'zh-CN')).toBe(
      '未知的客户 C9：请先导入客户',
    );
    expect(rowReasonCode('unknown customer C9: import customers first')).toEqual({
      code: 'unknown_reference',
      values: ['customer', 'C9', 'customers'],
    });
  });

  it('when a value cannot be read, then the value is kept in the Chinese sentence', () => {
    expect(localizeRowReason('not a date: "2024-13-01" (use YYYY-MM-DD)', 'zh-CN')).toBe(
      '不是日期："2024-13-01"（请用 YYYY-MM-DD）',
    );
    expect(localizeRowReason('duplicate order_id O7 (first on line 3)', 'zh-CN')).toBe(
      '重复的 order_id O7（第 3 行已出现）',
    );
    expect(localizeRowReason('is empty', 'zh-CN')).toBe('为空');
  });

  it('when the locale is English or the sentence is unknown, then the API text is shown as it is', () => {
    expect(localizeRowReason('is empty', 'en')).toBe('is empty');
    expect(localizeRowReason('something new', 'zh-CN')).toBe('something new');
    expect(rowReasonCode('something new')).toBeNull();
  });

  it('every skip reason has both languages', () => {
    for (const text of Object.values(SKIP_REASONS)) {
      expect(text.en).not.toBe('');
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

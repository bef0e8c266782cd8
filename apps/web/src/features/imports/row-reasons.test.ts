import { describe, expect, it } from 'vitest';
import { rowReason } from './row-reasons';

describe('rowReason', () => {
  it('when the API names an unknown customer, then Chinese says to import customers first', () => {
    expect(rowReason('unknown customer C9: import customers first', 'zh-CN')).toBe(
      '未知的客户 C9：请先导入客户',
    );
  });

  it('when a value cannot be read, then the value is kept in the Chinese sentence', () => {
    expect(rowReason('not a date: "2024-13-01" (use YYYY-MM-DD)', 'zh-CN')).toBe(
      '不是日期："2024-13-01"（请用 YYYY-MM-DD）',
    );
    expect(rowReason('duplicate order_id O7 (first on line 3)', 'zh-CN')).toBe(
      '重复的 order_id O7（第 3 行已出现）',
    );
    expect(rowReason('is empty', 'zh-CN')).toBe('为空');
  });

  it('when the locale is English or the sentence is unknown, then the API text is shown as it is', () => {
    expect(rowReason('is empty', 'en')).toBe('is empty');
    expect(rowReason('something new', 'zh-CN')).toBe('something new');
  });
});

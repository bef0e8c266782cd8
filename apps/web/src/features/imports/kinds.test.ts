import { describe, expect, it } from 'vitest';
import { detectKind } from './kinds';

describe('detectKind', () => {
  it('when the header is our own orders sample, then it is orders', () => {
    const header =
      '订单号,客户ID,渠道,下单时间,实付金额,毛利,佣金,订单状态,是否退货,退款金额'.split(',');
    expect(detectKind(header)).toBe('orders');
  });

  it('when headers are English snake_case, then they are read like the importer reads them', () => {
    expect(detectKind(['customer_id', 'acquired_at', 'acquisition_channel'])).toBe('customers');
    expect(detectKind(['Account ID', 'Date', 'Active Adds', 'Passive Adds'])).toBe('account_daily');
  });

  it('when accounts and their daily stats share 账号ID, then the other columns tell them apart', () => {
    expect(detectKind(['账号ID', '账号类型', '注册日期', '备用于'])).toBe('accounts');
    expect(detectKind(['账号ID', '日期', '主动加好友数', '被动加好友数', '群发次数'])).toBe(
      'account_daily',
    );
  });

  it('when the header says nothing, then the file name decides, and nothing at all gives null', () => {
    expect(detectKind(['a', 'b'], 'costs-2025-03.csv')).toBe('costs');
    expect(detectKind(['a', 'b'], 'export.csv')).toBeNull();
  });
});

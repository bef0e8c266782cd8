/** The `orders` import kind. */
import { defineKind, f, FROM_STAGE, instant, PHONE_ALIASES } from './kind-spec.js';

export const orders = defineKind({
  kind: 'orders',
  table: 'orders',
  fields: [
    f('order_id', 'id', true, ['订单号', '订单编号', '订单ID', '主订单号']),
    f('customer_id', 'id', false, ['客户ID', '客户编号', '会员ID', '买家ID', '用户ID']),
    f(
      'phone',
      'phone',
      false,
      PHONE_ALIASES,
      "the buyer's mainland mobile: stored only as its keyed hash",
    ),
    f('channel', 'id', true, ['渠道', '渠道编码', '下单渠道', '来源渠道']),
    f('ordered_at', 'instant', true, ['下单时间', '订单时间', '创建时间', '付款时间']),
    f('amount', 'money_nonneg', true, ['实付金额', '订单金额', '支付金额', '金额', '实付']),
    f('gross_profit', 'money', false, ['毛利', '毛利额', '毛利润']),
    f('commission', 'money_nonneg', false, ['佣金', '平台佣金', '扣点金额']),
    f(
      'status',
      'status',
      false,
      ['订单状态', '状态'],
      '已完成/completed (default), 已取消/cancelled, …',
    ),
    f('returned', 'bool', false, ['是否退货', '退货', '已退货'], '是/否, true/false, 1/0, Y/N'),
    f('refund_amount', 'money_nonneg', false, ['退款金额', '退款', '退款额']),
  ],
  key: ['order_id'],
  identity: ['customer_id', 'phone'],
  references: [
    { field: 'customer_id', table: 'customers', column: 'external_id', what: 'customer' },
    { field: 'channel', table: 'channels', column: 'code', what: 'channel' },
  ],
  rowCheck: (get) => {
    const refund = get('refund_amount');
    const amount = get('amount');
    if (typeof refund === 'number' && typeof amount === 'number' && refund > amount) {
      return { field: 'refund_amount', reason: 'refund is larger than the amount paid' };
    }
    return null;
  },
  sqlChecks: [],
  merge: {
    from: `${FROM_STAGE}
      join customers c on c.workspace_id = w.id and c.external_id = s.customer_id
      join channels ch on ch.workspace_id = w.id and ch.code = s.channel`,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.order_id', field: 'order_id' },
      { column: 'customer_id', expr: 'c.id', field: 'customer_id' },
      { column: 'channel', expr: 's.channel', field: 'channel' },
      { column: 'domain', expr: 'ch.domain', field: 'channel' },
      { column: 'ordered_at', expr: instant('ordered_at'), field: 'ordered_at' },
      {
        column: 'local_date',
        expr: `(${instant('ordered_at')} at time zone w.time_zone)::date`,
        field: 'ordered_at',
      },
      { column: 'amount_fen', expr: 's.amount_fen', field: 'amount' },
      { column: 'gross_profit_fen', expr: 's.gross_profit_fen', field: 'gross_profit' },
      { column: 'commission_fen', expr: 's.commission_fen', field: 'commission' },
      { column: 'status', expr: "coalesce(s.status, 'completed')", field: 'status' },
      { column: 'returned', expr: 'coalesce(s.returned, false)', field: 'returned' },
      { column: 'refund_fen', expr: 'coalesce(s.refund_amount_fen, 0)', field: 'refund_amount' },
    ],
  },
});

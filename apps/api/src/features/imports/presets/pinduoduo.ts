/**
 * Pinduoduo (拼多多商家后台 → 订单查询 → 导出): one row per order, amounts in columns named with
 * their unit (商品总价(元), 用户实付金额(元), 商家实收金额(元)). GMV is what the buyer paid.
 * Buyer phones are masked in most exports: such rows have no stable id and are skipped.
 */
import { definePreset, mapStatus } from './preset.js';
import { amount, buyerId, ORDER_OUTPUTS, positive } from './order-rows.js';

const STATUS = {
  待支付: 'unpaid',
  待付款: 'unpaid',
  待发货: 'paid',
  已发货待签收: 'shipped',
  '已发货,待签收': 'shipped',
  待签收: 'shipped',
  已签收: 'completed',
  交易成功: 'completed',
  已取消: 'cancelled',
  '已取消,未发货': 'cancelled',
  未发货退款成功: 'cancelled',
  '未发货,退款成功': 'cancelled',
  '已发货,退款成功': 'completed',
  已发货退款成功: 'completed',
} as const;

export const pinduoduo = definePreset({
  name: 'pinduoduo',
  label: { zh: '拼多多 订单导出', en: 'Pinduoduo order export' },
  kind: 'orders',
  channel: { code: 'pinduoduo', name: '拼多多', domain: 'public', kind: 'marketplace' },
  columns: {
    order: ['订单号'],
    status: ['订单状态'],
    total: ['商品总价(元)', '商品总价'],
    paid: ['用户实付金额(元)', '用户实付金额'],
    received: ['商家实收金额(元)', '商家实收金额'],
    quantity: ['商品数量(件)', '商品数量'],
    created: ['订单成交时间', '成团时间', '支付时间'],
    afterSale: ['售后状态'],
    refund: ['退款金额(元)', '退款金额'],
    phone: ['手机', '收货人手机号', '收货人电话'],
    buyer: ['买家ID', '用户ID', '拼多多用户ID'],
  },
  required: ['order', 'status', 'paid', 'received'],
  outputs: ORDER_OUTPUTS,
  sources: {
    order_id: 'order',
    customer_id: 'buyer',
    channel: 'channel',
    ordered_at: 'created',
    amount: 'paid',
    status: 'status',
    returned: 'afterSale',
    refund_amount: 'refund',
  },
  toRow(get, ctx) {
    const raw = get('status').normalize('NFKC').replace(/\s+/g, '');
    const status = mapStatus(raw, STATUS);
    if (status === 'unpaid') return { skip: 'unpaid' };
    const customer = buyerId('pinduoduo', [get('phone')], [get('buyer')]);
    if (!customer) return { skip: 'no_stable_id' };
    const paid = amount(get('paid'));
    const refundedAfterShipping = raw.includes('退款成功') && status === 'completed';
    const refund = amount(get('refund')) || (refundedAfterShipping ? paid : '');
    const refunded = positive(refund) || get('afterSale').includes('退款成功');
    return {
      fields: {
        order_id: get('order'),
        customer_id: customer,
        channel: ctx.channel,
        ordered_at: get('created'),
        amount: paid,
        status,
        returned: refunded && status !== 'cancelled' ? 'true' : 'false',
        refund_amount: status === 'cancelled' ? '' : refund,
      },
    };
  },
});

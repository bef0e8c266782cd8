/**
 * Douyin shop (抖店 → 订单管理 → 批量导出): one row per sub-order (子订单编号) under its order
 * (主订单编号). Sub-orders fold into one order: amounts and refunds add up, the order is returned
 * when any sub-order was refunded.
 */
import { definePreset, mapStatus } from './preset.js';
import { amount, buyerId, ORDER_OUTPUTS, positive } from './order-rows.js';

const STATUS = {
  待支付: 'unpaid',
  待付款: 'unpaid',
  备货中: 'paid',
  待发货: 'paid',
  已支付: 'paid',
  已发货: 'shipped',
  待收货: 'shipped',
  已完成: 'completed',
  已签收: 'completed',
  已关闭: 'cancelled',
  已取消: 'cancelled',
} as const;

const REFUNDED = new Set(['退款成功', '已退款', '退货退款成功', '售后完成', '退款完成']);

export const douyin = definePreset({
  name: 'douyin',
  label: { zh: '抖店 订单导出', en: 'Douyin shop order export' },
  kind: 'orders',
  channel: { code: 'douyin', name: '抖音', domain: 'public', kind: 'marketplace' },
  columns: {
    order: ['主订单编号'],
    sub: ['子订单编号'],
    product: ['选购商品', '商品名称'],
    quantity: ['商品数量'],
    payable: ['订单应付金额', '应付金额'],
    created: ['订单提交时间', '下单时间'],
    paidAt: ['支付完成时间', '支付时间'],
    status: ['订单状态'],
    afterSale: ['售后状态'],
    refund: ['退款金额'],
    buyer: ['用户ID', '买家ID', '抖音号', '买家昵称'],
    phone: ['收件人手机号', '收件人电话', '手机号'],
  },
  required: ['order', 'sub', 'payable', 'created', 'status'],
  outputs: ORDER_OUTPUTS,
  sources: {
    order_id: 'order',
    customer_id: 'buyer',
    channel: 'channel',
    ordered_at: 'created',
    amount: 'payable',
    status: 'status',
    returned: 'afterSale',
    refund_amount: 'refund',
  },
  toRow(get, ctx) {
    const status = mapStatus(get('status'), STATUS);
    if (status === 'unpaid') return { skip: 'unpaid' };
    if (status === 'cancelled' && get('paidAt') === '') return { skip: 'unpaid' };
    const customer = buyerId('douyin', [get('phone')], [get('buyer')]);
    if (!customer) return { skip: 'no_stable_id' };
    const paid = amount(get('payable'));
    const refundedAll = REFUNDED.has(get('afterSale').replace(/\s+/g, ''));
    const refund = amount(get('refund')) || (refundedAll ? paid : '');
    return {
      fields: {
        order_id: get('order'),
        customer_id: customer,
        channel: ctx.channel,
        ordered_at: get('paidAt') || get('created'),
        amount: paid,
        status: status === 'cancelled' && positive(refund) ? 'completed' : status,
        returned: refundedAll || positive(refund) ? 'true' : 'false',
        refund_amount: refund,
      },
    };
  },
  fold: {
    key: 'order_id',
    sum: ['amount', 'refund_amount'],
    min: ['ordered_at'],
    any: ['returned'],
    status: 'status',
    skip: 'folded',
  },
});

/**
 * Youzan (有赞微商城 → 订单 → 订单导出, 订单维度): one row per order. A Youzan shop is the brand's
 * own WeChat mall, so its channel is private-domain; the buyer's phone (买家手机号) joins them to
 * their WeCom contact. Header and status words as real exports have them (docs/imports.md).
 */
import { definePreset, mapStatus } from './preset.js';
import { amount, buyerId, ORDER_OUTPUTS, positive } from './order-rows.js';

const STATUS = {
  待付款: 'unpaid',
  等待买家付款: 'unpaid',
  待成团: 'paid',
  待发货: 'paid',
  待接单: 'paid',
  已发货: 'shipped',
  部分发货: 'shipped',
  待收货: 'shipped',
  已完成: 'completed',
  交易成功: 'completed',
  交易完成: 'completed',
  已关闭: 'cancelled',
  交易关闭: 'cancelled',
} as const;

const REFUNDED = new Set(['退款成功', '已退款', '全额退款', '部分退款']);

export const youzan = definePreset({
  name: 'youzan',
  label: { zh: '有赞 订单导出', en: 'Youzan order export' },
  kind: 'orders',
  channel: { code: 'youzan', name: '有赞商城', domain: 'private', kind: 'mall' },
  columns: {
    order: ['订单号'],
    status: ['订单状态'],
    created: ['订单创建时间', '下单时间'],
    paidAt: ['买家付款时间', '付款时间', '支付时间'],
    paid: ['订单实付金额', '实付金额', '订单实付(含运费)', '买家实付金额'],
    phone: ['买家手机号'],
    // The receiver is mostly the buyer (and is at a pick-up): second to 买家手机号, row by row.
    receiverPhone: ['收货人手机号/提货人手机号', '收货人手机号', '收货人电话'],
    buyer: ['粉丝昵称', '买家昵称', '客户ID', 'buyer_id'],
    refundState: ['订单退款状态', '退款状态', '售后状态'],
    refund: ['订单已退款金额', '已退款金额', '退款金额'],
  },
  required: ['order', 'status', 'created', 'paid'],
  outputs: ORDER_OUTPUTS,
  sources: {
    order_id: 'order',
    customer_id: 'phone',
    channel: 'channel',
    ordered_at: 'created',
    amount: 'paid',
    status: 'status',
    returned: 'refundState',
    refund_amount: 'refund',
  },
  toRow(get, ctx) {
    const status = mapStatus(get('status'), STATUS);
    if (status === 'unpaid') return { skip: 'unpaid' };
    if (status === 'cancelled' && get('paidAt') === '') return { skip: 'unpaid' };
    const customer = buyerId('youzan', [get('phone'), get('receiverPhone')], [get('buyer')]);
    if (!customer) return { skip: 'no_stable_id' };
    const paid = amount(get('paid'));
    const refund = amount(get('refund'));
    const refunded = positive(refund) || REFUNDED.has(get('refundState').replace(/\s+/g, ''));
    return {
      fields: {
        order_id: get('order'),
        customer_id: customer,
        channel: ctx.channel,
        ordered_at: get('paidAt') || get('created'),
        amount: paid,
        status: status === 'cancelled' && refunded ? 'completed' : status,
        returned: refunded ? 'true' : 'false',
        refund_amount: refund || (refunded && status === 'cancelled' ? paid : ''),
      },
    };
  },
});

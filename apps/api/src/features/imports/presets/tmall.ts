/**
 * Tmall / Taobao 订单报表 (千牛 卖家中心 → 已卖出的宝贝 → 批量导出, the order report): one row per
 * order. Amount is 买家实际支付金额; 交易关闭 before payment is unpaid, after payment with a refund
 * it is a returned order.
 */
import { definePreset, mapStatus } from './preset.js';
import { amount, buyerId, ORDER_OUTPUTS, positive } from './order-rows.js';

const STATUS = {
  等待买家付款: 'unpaid',
  买家已付款等待卖家发货: 'paid',
  '买家已付款,等待卖家发货': 'paid',
  卖家已发货等待买家确认: 'shipped',
  '卖家已发货,等待买家确认': 'shipped',
  交易成功: 'completed',
  交易关闭: 'cancelled',
} as const;

export const tmall = definePreset({
  name: 'tmall',
  label: { zh: '天猫/淘宝 订单报表', en: 'Tmall / Taobao order report' },
  kind: 'orders',
  channel: { code: 'tmall', name: '天猫', domain: 'public', kind: 'marketplace' },
  columns: {
    order: ['订单编号', '订单号'],
    buyer: ['买家会员名', '买家昵称', '买家会员ID'],
    alipay: ['买家支付宝账号'],
    phone: ['联系手机', '收货人手机号', '手机号'],
    payable: ['买家应付货款', '总金额'],
    paid: ['买家实际支付金额', '实付金额'],
    status: ['订单状态'],
    created: ['订单创建时间'],
    paidAt: ['订单付款时间', '付款时间'],
    refund: ['退款金额'],
    title: ['宝贝标题', '商品标题'],
  },
  required: ['order', 'buyer', 'paid', 'status', 'created'],
  outputs: ORDER_OUTPUTS,
  sources: {
    order_id: 'order',
    customer_id: 'buyer',
    channel: 'channel',
    ordered_at: 'created',
    amount: 'paid',
    status: 'status',
    returned: 'refund',
    refund_amount: 'refund',
  },
  toRow(get, ctx) {
    const status = mapStatus(get('status'), STATUS);
    const paidAt = get('paidAt');
    if (status === 'unpaid') return { skip: 'unpaid' };
    if (status === 'cancelled' && paidAt === '' && !positive(amount(get('paid')))) {
      return { skip: 'unpaid' };
    }
    const customer = buyerId('tmall', [get('phone')], [get('buyer'), get('alipay')]);
    if (!customer) return { skip: 'no_stable_id' };
    const refund = amount(get('refund'));
    // Closed after payment: refunded in full when a refund is recorded, else cancelled unshipped.
    const refunded = positive(refund);
    return {
      fields: {
        order_id: get('order'),
        customer_id: customer,
        channel: ctx.channel,
        ordered_at: paidAt || get('created'),
        amount: amount(get('paid')),
        status: status === 'cancelled' && refunded ? 'completed' : status,
        returned: refunded ? 'true' : 'false',
        refund_amount: refund,
      },
    };
  },
});

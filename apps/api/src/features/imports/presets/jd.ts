/**
 * JD (京东商家后台 → 订单管理 → 订单导出): one row per SKU, with the order's amounts repeated on
 * each of its rows, so rows of one order fold without adding their amounts up. Header and status
 * words as real exports have them (sources in docs/imports.md).
 */
import { definePreset, mapStatus } from './preset.js';
import { amount, buyerId, ORDER_OUTPUTS, positive } from './order-rows.js';

const STATUS = {
  等待付款: 'unpaid',
  待付款: 'unpaid',
  等待付款确认: 'unpaid',
  等待出库: 'paid',
  待出库: 'paid',
  等待发货: 'paid',
  等待境外出库: 'paid',
  等待境内发货: 'paid',
  // Held, usually while a cancellation is decided: paid until a later export says otherwise.
  暂停: 'paid',
  暂停订单: 'paid',
  发往配送中心: 'shipped',
  配送中心已收货: 'shipped',
  等待确认收货: 'shipped',
  已发货: 'shipped',
  完成: 'completed',
  已完成: 'completed',
  锁定: 'cancelled',
  已锁定: 'cancelled',
  锁定订单: 'cancelled',
  已取消: 'cancelled',
  取消: 'cancelled',
} as const;

/**
 * A status as JD writes it: `(删除)完成` is an order the buyer deleted from their order list,
 * which does not undo the sale, so the word after the mark decides.
 */
function jdStatus(text: string): string {
  const word = text.normalize('NFKC').replace(/^\(删除\)/, '');
  const status = mapStatus(word, STATUS);
  return status === word ? text : status;
}

/** JD's "never paid" instant (its open platform writes it for unpaid orders), or empty. */
const NEVER = /^0001-01-01/;

export const jd = definePreset({
  name: 'jd',
  label: { zh: '京东 订单导出', en: 'JD order export' },
  kind: 'orders',
  channel: { code: 'jd', name: '京东', domain: 'public', kind: 'marketplace' },
  columns: {
    order: ['订单号'],
    sku: ['商品ID', 'SKU', '商品编号'],
    product: ['商品名称'],
    quantity: ['订购数量', '商品数量', '数量'],
    buyer: ['下单帐号', '下单账号', '客户账号', '用户账号'],
    phone: ['联系电话', '客户电话', '收货人电话'],
    // Set when 联系电话 is a privacy number that forwards to the buyer until then: not theirs.
    virtualUntil: ['虚拟号过期时间'],
    total: ['订单金额'],
    payable: ['应付金额'],
    created: ['下单时间'],
    paidAt: ['付款确认时间', '付款时间'],
    status: ['订单状态'],
    refund: ['退款金额'],
  },
  required: ['order', 'buyer', 'payable', 'created', 'status'],
  outputs: ORDER_OUTPUTS,
  sources: {
    order_id: 'order',
    customer_id: 'buyer',
    channel: 'channel',
    ordered_at: 'created',
    amount: 'payable',
    status: 'status',
    returned: 'refund',
    refund_amount: 'refund',
  },
  toRow(get, ctx) {
    const status = jdStatus(get('status'));
    const paidAt = NEVER.test(get('paidAt')) ? '' : get('paidAt');
    if (status === 'unpaid') return { skip: 'unpaid' };
    if (status === 'cancelled' && paidAt === '') return { skip: 'unpaid' };
    const phone = get('virtualUntil') === '' ? get('phone') : '';
    const customer = buyerId('jd', [phone], [get('buyer')]);
    if (!customer) return { skip: 'no_stable_id' };
    const refund = amount(get('refund'));
    const refunded = positive(refund);
    return {
      fields: {
        order_id: get('order'),
        customer_id: customer,
        channel: ctx.channel,
        ordered_at: paidAt || get('created'),
        amount: amount(get('payable')),
        status: status === 'cancelled' && refunded ? 'completed' : status,
        returned: refunded ? 'true' : 'false',
        refund_amount: refund,
      },
    };
  },
  // The amounts are the order's on every SKU row: the first row's are kept.
  fold: { key: 'order_id', any: ['returned'], status: 'status', skip: 'folded' },
});

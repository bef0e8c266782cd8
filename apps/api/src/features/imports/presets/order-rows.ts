/**
 * What the order presets share: the fields they write, and how the buyer of an order becomes a
 * stable customer id (a mainland mobile first, hashed downstream, so a buyer meets their WeCom
 * contact; else the platform's own buyer id, prefixed by the platform).
 */
import { mainlandMobile } from '../identity.js';
import { plainAmount } from '../values.js';

export const ORDER_OUTPUTS = [
  'order_id',
  'customer_id',
  'channel',
  'ordered_at',
  'amount',
  'status',
  'returned',
  'refund_amount',
] as const;

/** The buyer: the first mobile number among `phones`, else `platform:` + the first buyer id. */
export function buyerId(platform: string, phones: string[], ids: string[]): string | null {
  for (const phone of phones) {
    const digits = phone ? mainlandMobile(phone) : null;
    if (digits) return digits;
  }
  for (const id of ids) if (id) return `${platform}:${id}`;
  return null;
}

/** Amount text without currency signs or thousands separators ('' stays ''). */
export const amount = (text: string) => (text === '' ? '' : plainAmount(text));

/** Whether an amount is above zero (unparseable text counts as not: the kind reports it). */
export function positive(text: string): boolean {
  const n = Number(text);
  return Number.isFinite(n) && n > 0;
}

/**
 * Builders for the oracle tests (not exported from the package). Local times are written as
 * 'YYYY-MM-DD HH:mm[:ss]' in the given time zone (default Asia/Shanghai).
 */
import type { CustomerRecord, Domain, OrderRecord, OrderStatus } from './records.js';
import { localDateOf, startOfLocalDate } from './time.js';

export const SHANGHAI = 'Asia/Shanghai';

/** The instant of a local wall-clock time (zones without a DST jump that day). */
export function at(local: string, timeZone = SHANGHAI): Date {
  const [date = '', time = '00:00'] = local.split(' ');
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return new Date(startOfLocalDate(date, timeZone).getTime() + ((h * 60 + m) * 60 + s) * 1000);
}

export function customer(
  id: string,
  options: { joined?: string | Date | null; left?: string | Date | null; timeZone?: string } = {},
): CustomerRecord {
  const tz = options.timeZone ?? SHANGHAI;
  const toDate = (v: string | Date | null | undefined): Date | null =>
    v == null ? null : v instanceof Date ? v : at(v, tz);
  return {
    id,
    acquiredAt: null,
    acquisitionChannel: null,
    joinedPrivateAt: toDate(options.joined),
    leftPrivateAt: toDate(options.left),
  };
}

export interface OrderOptions {
  amount?: number;
  domain?: Domain;
  status?: OrderStatus;
  returned?: boolean;
  grossProfit?: number | null;
  timeZone?: string;
}

export function order(
  id: string,
  customerId: string,
  local: string | Date,
  options: OrderOptions = {},
): OrderRecord {
  const tz = options.timeZone ?? SHANGHAI;
  const orderedAt = local instanceof Date ? local : at(local, tz);
  const domain = options.domain ?? 'public';
  return {
    id,
    customerId,
    channel: domain === 'private' ? 'wecom' : 'tmall',
    domain,
    orderedAt,
    localDate: localDateOf(orderedAt, tz),
    amountFen: options.amount ?? 10_000,
    grossProfitFen: options.grossProfit ?? null,
    commissionFen: null,
    status: options.status ?? 'paid',
    returned: options.returned ?? false,
    refundFen: 0,
  };
}

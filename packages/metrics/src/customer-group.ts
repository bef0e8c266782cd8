/**
 * Customer group (METRICS.md "Words"): at an instant t a customer is `private` when
 * joined_private_at ≤ t and they have not left at or before t, else `public`.
 *
 * Precisely: private ⇔ joinedPrivateAt !== null && joinedPrivateAt ≤ t
 *                      && (leftPrivateAt === null || leftPrivateAt > t).
 * So membership is the half-open interval [joinedPrivateAt, leftPrivateAt). A customer who left
 * exactly at t is already public at t. A leftPrivateAt at or before joinedPrivateAt leaves an
 * empty interval: the customer is never private (the data model keeps one join and one leave).
 * SQL: `joined_private_at <= $t AND (left_private_at IS NULL OR left_private_at > $t)`.
 */
import type { CustomerRecord, DateWindow, Domain } from './records.js';
import { addMonths, startOfLocalDate } from './time.js';

export type CustomerGroup = Domain;

export function isPrivateMemberAt(
  customer: Pick<CustomerRecord, 'joinedPrivateAt' | 'leftPrivateAt'> | undefined,
  instant: Date,
): boolean {
  if (!customer || customer.joinedPrivateAt === null) return false;
  const t = instant.getTime();
  if (customer.joinedPrivateAt.getTime() > t) return false;
  return customer.leftPrivateAt === null || customer.leftPrivateAt.getTime() > t;
}

/** The customer's group at an instant. An unknown customer (undefined) is public. */
export function groupAt(
  customer: Pick<CustomerRecord, 'joinedPrivateAt' | 'leftPrivateAt'> | undefined,
  instant: Date,
): CustomerGroup {
  return isPrivateMemberAt(customer, instant) ? 'private' : 'public';
}

/** The instant a window ends: local midnight starting `window.to` in the workspace time zone. */
export function windowEndInstant(window: DateWindow, timeZone: string): Date {
  return startOfLocalDate(window.to, timeZone);
}

/** The instant a window starts: local midnight starting `window.from`. */
export function windowStartInstant(window: DateWindow, timeZone: string): Date {
  return startOfLocalDate(window.from, timeZone);
}

/** Customers by id; later duplicates of an id replace earlier ones. */
export function customersById(customers: readonly CustomerRecord[]): Map<string, CustomerRecord> {
  const byId = new Map<string, CustomerRecord>();
  for (const c of customers) byId.set(c.id, c);
  return byId;
}

/** Each customer's group at the window's end (the classification every window metric uses). */
export function groupAtWindowEnd(
  customer: CustomerRecord | undefined,
  window: DateWindow,
  timeZone: string,
): CustomerGroup {
  return groupAt(customer, windowEndInstant(window, timeZone));
}

/** The instant a local month ('YYYY-MM') ends: local midnight starting the next month. */
export function endOfLocalMonth(month: string, timeZone: string): Date {
  return startOfLocalDate(`${addMonths(month, 1)}-01`, timeZone);
}

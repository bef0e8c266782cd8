/**
 * Team KPIs (METRICS.md §4; seed 000 Q6): the public team's guide rate (私域导流完成率) and the
 * private team's 48-hour response rate, first-order conversion and repurchase conversion.
 *
 * Windows are half-open local dates in the workspace time zone. Every record is judged "as of"
 * an instant: what happened after it is not known yet. By default asOf is the start of the
 * window's end date (00:00 local of `to`), so a past window gives the same answer every day;
 * pass the current instant for a live figure.
 */
import { ratio, type Evidence } from './evidence.js';
import type {
  ConversationRecord,
  CustomerRecord,
  DateWindow,
  Domain,
  LiveSessionRecord,
  OrderRecord,
} from './records.js';
import { inWindow, localDateOf, startOfLocalDate } from './time.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface KpiOptions {
  timeZone: string;
  /** The instant the figure is computed at; default: 00:00 local on window.to. */
  asOf?: Date;
}

/**
 * UTC offsets lie within −12 h…+14 h, so an instant more than this far inside or outside a
 * window's bounding instants has an unambiguous local date.
 */
const CLEAR_OF_BOUND_MS = 30 * HOUR_MS;

/**
 * inWindow(localDateOf(instant), window), asking Intl only for instants near the window's
 * bounds: one formatToParts costs ~17 µs at load 30, and the review judges ~60k conversations
 * for each of its 13 weeks (25 s at 3M customers).
 */
function localWindowTest(window: DateWindow, timeZone: string): (instant: Date) => boolean {
  const start = startOfLocalDate(window.from, timeZone).getTime();
  const end = startOfLocalDate(window.to, timeZone).getTime();
  return (instant) => {
    const t = instant.getTime();
    if (t < start - CLEAR_OF_BOUND_MS || t >= end + CLEAR_OF_BOUND_MS) return false;
    if (t >= start + CLEAR_OF_BOUND_MS && t < end - CLEAR_OF_BOUND_MS) return true;
    return inWindow(localDateOf(instant, timeZone), window);
  };
}

function asOfOf(window: DateWindow, options: KpiOptions): number {
  return (options.asOf ?? startOfLocalDate(window.to, options.timeZone)).getTime();
}

/** The seed's target for 直播间引导加粉率. */
export const GUIDE_RATE_TARGET = 0.05;

export interface GuideRate extends Evidence {
  sessions: number;
  target: number;
  /** value ≥ target; null when there is no audience. */
  meetsTarget: boolean | null;
}

/**
 * guide_rate = Σ private adds / Σ viewers over the live sessions that started in the window
 * (local date of started_at). Sessions may be narrowed to some channels.
 */
export function guideRate(
  sessions: readonly LiveSessionRecord[],
  window: DateWindow,
  options: { timeZone: string; target?: number; channels?: readonly string[] },
): GuideRate {
  const target = options.target ?? GUIDE_RATE_TARGET;
  const channels = options.channels ? new Set(options.channels) : null;
  let adds = 0;
  let viewers = 0;
  let count = 0;
  const inside = localWindowTest(window, options.timeZone);
  for (const s of sessions) {
    if (channels && !channels.has(s.channel)) continue;
    if (!inside(s.startedAt)) continue;
    adds += s.privateAdds;
    viewers += s.viewers;
    count += 1;
  }
  const evidence = ratio(adds, viewers, 'no live-session viewers in the window');
  return {
    ...evidence,
    sessions: count,
    target,
    meetsTarget: evidence.value === null ? null : evidence.value >= target,
  };
}

export const RESPONSE_WINDOW_HOURS = 48;

export interface ResponseRate extends Evidence {
  /** Conversations started in the window. */
  started: number;
  /**
   * Started in the window, unanswered as of asOf and less than 48 h old then: not yet decidable,
   * so left out of numerator and denominator.
   */
  pending: number;
}

function startedIn(
  conversations: readonly ConversationRecord[],
  window: DateWindow,
  timeZone: string,
): ConversationRecord[] {
  const inside = localWindowTest(window, timeZone);
  return conversations.filter((c) => inside(c.firstInboundAt));
}

/** Hours from first inbound to first reply, as known at asOf; a reply before the inbound is 0. */
function responseHours(c: ConversationRecord, asOf: number): number | null {
  if (!c.firstResponseAt || c.firstResponseAt.getTime() > asOf) return null;
  return Math.max(0, c.firstResponseAt.getTime() - c.firstInboundAt.getTime()) / HOUR_MS;
}

/**
 * response_rate_48h = conversations whose first staff reply came ≤ 48 h after the first inbound
 * message / conversations started in the window (local date of first_inbound_at).
 * A conversation with no reply counts in the denominator only, once its 48 h have passed by
 * asOf; before that it is `pending` and counts nowhere. A reply later than asOf is not known yet.
 */
export function responseRate48h(
  conversations: readonly ConversationRecord[],
  window: DateWindow,
  options: KpiOptions & { hours?: number },
): ResponseRate {
  const asOf = asOfOf(window, options);
  const limit = options.hours ?? RESPONSE_WINDOW_HOURS;
  const started = startedIn(conversations, window, options.timeZone);
  let answered = 0;
  let decided = 0;
  let pending = 0;
  for (const c of started) {
    const hours = responseHours(c, asOf);
    if (hours !== null && hours <= limit) {
      answered += 1;
      decided += 1;
    } else if (c.firstInboundAt.getTime() + limit * HOUR_MS <= asOf) {
      decided += 1;
    } else {
      pending += 1;
    }
  }
  return responseRateOf({ answered, decided, started: started.length, pending });
}

/** The response rate from its counts (responseRate48h's, or a query's that equals it). */
export function responseRateOf(counts: {
  answered: number;
  decided: number;
  started: number;
  pending: number;
}): ResponseRate {
  return {
    ...ratio(counts.answered, counts.decided, 'no decidable conversations started in the window'),
    started: counts.started,
    pending: counts.pending,
  };
}

export interface MedianFigure {
  value: number | null;
  /** How many values the median is taken over. */
  count: number;
  reason?: string;
}

/** The median of the values; the mean of the two middle ones for an even count. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median first-response time in hours over the conversations started in the window that had a
 * reply by asOf (late replies included; unanswered ones are not in it).
 */
export function medianFirstResponseHours(
  conversations: readonly ConversationRecord[],
  window: DateWindow,
  options: KpiOptions,
): MedianFigure {
  const asOf = asOfOf(window, options);
  const hours: number[] = [];
  for (const c of startedIn(conversations, window, options.timeZone)) {
    const h = responseHours(c, asOf);
    if (h !== null) hours.push(h);
  }
  return medianFigureOf(median(hours), hours.length);
}

/**
 * The median of the two middle values in hours (equal for an odd count) of `count` values,
 * taken as `median` does: (lower + upper) / 2.
 */
export function middleHoursMedian(lowerMs: number, upperMs: number): number {
  return (lowerMs / HOUR_MS + upperMs / HOUR_MS) / 2;
}

export function medianFigureOf(value: number | null, count: number): MedianFigure {
  return value === null || count === 0
    ? { value: null, count: 0, reason: 'no answered conversations started in the window' }
    : { value, count };
}

export interface Conversion extends Evidence {
  /** Entrants in the window (new members or new customers). */
  entrants: number;
  /** Entrants whose follow-up period has not ended by asOf: not in the denominator. */
  immature: number;
}

export const FIRST_ORDER_DAYS = 30;
export const REPURCHASE_DAYS = 90;

/**
 * first_order_conversion = new members in the window (local date of joined_private_at) who
 * placed a non-cancelled order within 30 × 24 h of joining / those new members whose 30 days had
 * passed by asOf. Orders in any channel count unless `orderDomain` narrows them; orders after
 * asOf are not known yet.
 */
export function firstOrderConversion(
  customers: readonly CustomerRecord[],
  orders: readonly OrderRecord[],
  window: DateWindow,
  options: KpiOptions & { days?: number; orderDomain?: Domain },
): Conversion {
  const asOf = asOfOf(window, options);
  const span = (options.days ?? FIRST_ORDER_DAYS) * DAY_MS;
  const joined = new Map<string, number>();
  const inside = localWindowTest(window, options.timeZone);
  for (const c of customers) {
    if (!c.joinedPrivateAt) continue;
    if (!inside(c.joinedPrivateAt)) continue;
    joined.set(c.id, c.joinedPrivateAt.getTime());
  }
  const converted = new Set<string>();
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    if (options.orderDomain && o.domain !== options.orderDomain) continue;
    const at = joined.get(o.customerId);
    if (at === undefined) continue;
    const t = o.orderedAt.getTime();
    if (t >= at && t <= at + span && t <= asOf) converted.add(o.customerId);
  }
  let mature = 0;
  let hits = 0;
  for (const [id, at] of joined) {
    if (at + span > asOf) continue;
    mature += 1;
    if (converted.has(id)) hits += 1;
  }
  return firstOrderConversionOf({ hits, mature, entrants: joined.size });
}

export interface ConversionCounts {
  hits: number;
  mature: number;
  entrants: number;
}

/** The first-order conversion from its counts (firstOrderConversion's, or a query's). */
export function firstOrderConversionOf(counts: ConversionCounts): Conversion {
  return {
    ...ratio(counts.hits, counts.mature, 'no new members in the window whose 30 days have passed'),
    entrants: counts.entrants,
    immature: counts.entrants - counts.mature,
  };
}

/**
 * repurchase_conversion = customers whose first-ever non-cancelled order (earliest ordered_at,
 * ties by order id) is in the window and who ordered again within 90 × 24 h of it / those
 * customers whose 90 days had passed by asOf. "Again" is any later non-cancelled order (returned
 * ones too) by the same (ordered_at, id) order. Pass the whole order history.
 */
export function repurchaseConversion(
  orders: readonly OrderRecord[],
  window: DateWindow,
  options: KpiOptions & { days?: number },
): Conversion {
  const asOf = asOfOf(window, options);
  const span = (options.days ?? REPURCHASE_DAYS) * DAY_MS;
  const byCustomer = new Map<string, OrderRecord[]>();
  for (const o of orders) {
    if (o.status === 'cancelled' || o.orderedAt.getTime() > asOf) continue;
    const list = byCustomer.get(o.customerId);
    if (list) list.push(o);
    else byCustomer.set(o.customerId, [o]);
  }
  let entrants = 0;
  let mature = 0;
  let hits = 0;
  for (const list of byCustomer.values()) {
    list.sort(compareByTimeThenId);
    const first = list[0]!;
    if (!inWindow(first.localDate, window)) continue;
    entrants += 1;
    const at = first.orderedAt.getTime();
    if (at + span > asOf) continue;
    mature += 1;
    const second = list[1];
    if (second && second.orderedAt.getTime() <= at + span) hits += 1;
  }
  return repurchaseConversionOf({ hits, mature, entrants });
}

/** The repurchase conversion from its counts (repurchaseConversion's, or a query's). */
export function repurchaseConversionOf(counts: ConversionCounts): Conversion {
  return {
    ...ratio(
      counts.hits,
      counts.mature,
      'no first-time customers in the window whose 90 days have passed',
    ),
    entrants: counts.entrants,
    immature: counts.entrants - counts.mature,
  };
}

function compareByTimeThenId(a: OrderRecord, b: OrderRecord): number {
  const dt = a.orderedAt.getTime() - b.orderedAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

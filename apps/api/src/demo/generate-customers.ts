/**
 * Customers and their orders. Pure: each customer i is simulated from its own seeded generators
 * (attributes from stream 1, purchases from stream 2), so the customers pass and the orders pass
 * can run separately (customers must be loaded before the orders that reference them) without
 * keeping anything in memory.
 *
 * Purchase process (BG/NBD-like): the first order is the acquisition; an active customer buys
 * at a personal Poisson rate (Gamma across customers), higher while a private member, and after
 * each order drops out for good with a probability that is lower for members.
 */
import type { CopyValue } from '../db/database.js';
import type { Domain, OrderStatus } from '../db/schema.js';
import { cumulative, Random } from './random.js';
import { CHANNELS, PRIVATE_CHANNELS, PUBLIC_CHANNELS, STORY, type ChannelSpec } from './story.js';
import {
  DAY_MS,
  localDate,
  localDayNumber,
  localMidnightMs,
  YEAR_MS,
  type Timeline,
} from './timeline.js';

const C = STORY.customers;
const P = STORY.purchases;
const O = STORY.orders;
const NO_SELECTION = { rate: 1, join: 1 };
const selectionOf = (c: ChannelSpec) => STORY.selection[c.code] ?? NO_SELECTION;

const channelByCode = new Map(CHANNELS.map((c) => [c.code, c]));
function spec(code: string): ChannelSpec {
  const found = channelByCode.get(code);
  if (!found) throw new Error(`unknown demo channel ${code}`);
  return found;
}
const publicSpecs = PUBLIC_CHANNELS.map(spec);
const privateSpecs = PRIVATE_CHANNELS.map(spec);
const publicWeights = cumulative(C.publicChannelWeights);
const privateWeights = cumulative(C.privateChannelWeights);

/** Local hour of day weights: a morning bump and the 20:00–22:00 peak. */
const HOUR_WEIGHTS = cumulative([
  1, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2, 2.6, 3, 3.2, 3.4, 3, 2.8, 2.8, 3, 3.2, 3.6, 4.4, 5.6,
  6.2, 5.4, 2.6,
]);

export const CUSTOMER_COLUMNS = [
  'workspace_id',
  'id',
  'external_id',
  'acquired_at',
  'acquisition_channel',
  'joined_private_at',
  'left_private_at',
] as const;

export const ORDER_COLUMNS = [
  'workspace_id',
  'id',
  'external_id',
  'customer_id',
  'channel',
  'domain',
  'ordered_at',
  'local_date',
  'amount_fen',
  'gross_profit_fen',
  'commission_fen',
  'status',
  'returned',
  'refund_fen',
] as const;

export interface DemoCustomer {
  id: number;
  acquiredMs: number;
  channel: ChannelSpec;
  joinedMs: number | null;
  leftMs: number | null;
}

export interface DemoOrder {
  customerId: number;
  orderedMs: number;
  localDate: string;
  channel: ChannelSpec;
  amountFen: number;
  grossProfitFen: number;
  commissionFen: number | null;
  status: OrderStatus;
  returned: boolean;
  refundFen: number;
  /** The customer's first-ever counted order. */
  first: boolean;
  /** The customer was a private member when ordering. */
  member: boolean;
}

export function customerExternalId(id: number): string {
  return `C${String(id).padStart(8, '0')}`;
}

/** Draw time of day for a local day: epoch ms of that day plus an hour from HOUR_WEIGHTS. */
function atTimeOfDay(rng: Random, ms: number): number {
  const day = localDayNumber(ms);
  const hour = rng.pick(HOUR_WEIGHTS);
  return day * DAY_MS - 8 * 3_600_000 + hour * 3_600_000 + Math.floor(rng.next() * 3_600_000);
}

export function demoCustomer(seed: number, id: number, count: number, t: Timeline): DemoCustomer {
  const rng = Random.for(seed, 1, id);
  // Acquisition over the history with a linearly growing density f(x) ∝ 1 + g·x: inverse CDF.
  // The quantile is stratified by id (plus jitter) so small demos fill the timeline evenly.
  const g: number = C.growth;
  const u = (id - 1 + rng.next()) / count;
  const x = g === 0 ? u : (-1 + Math.sqrt(1 + g * (2 + g) * u)) / g;
  const acquiredMs = atTimeOfDay(rng, t.startMs + x * (t.endMs - t.startMs - DAY_MS));
  const afterLaunch = acquiredMs >= t.launchMs;
  let channel: ChannelSpec;
  let joinedMs: number | null = null;
  if (afterLaunch && rng.chance(C.directPrivateShare)) {
    channel = privateSpecs[rng.pick(privateWeights)]!;
    joinedMs = acquiredMs;
  } else {
    channel = publicSpecs[rng.pick(publicWeights)]!;
    const join = selectionOf(channel).join;
    if (afterLaunch) {
      if (rng.chance(C.joinAfterFirstOrder * join)) {
        joinedMs = acquiredMs + Math.round(rng.exponential(C.joinDelayMeanDays) * DAY_MS);
      }
    } else if (rng.chance(C.joinStock * join)) {
      joinedMs = t.launchMs + Math.round(rng.exponential(C.joinStockDelayMeanDays) * DAY_MS);
    }
  }
  if (joinedMs !== null && joinedMs >= t.endMs) joinedMs = null;
  let leftMs: number | null = null;
  if (joinedMs !== null && rng.chance(C.leaveShare)) {
    leftMs = joinedMs + Math.round(rng.exponential(C.leaveDelayMeanDays) * DAY_MS);
    if (leftMs >= t.endMs) leftMs = null;
  }
  return { id, acquiredMs, channel, joinedMs, leftMs };
}

function isMember(c: DemoCustomer, ms: number): boolean {
  return c.joinedMs !== null && c.joinedMs <= ms && (c.leftMs === null || c.leftMs > ms);
}

function pickChannel(rng: Random, c: DemoCustomer, member: boolean): ChannelSpec {
  if (member && rng.chance(P.privateChannelShare)) return privateSpecs[rng.pick(privateWeights)]!;
  if (c.channel.domain === 'public' && rng.chance(P.stickToAcquisitionChannel)) return c.channel;
  return publicSpecs[rng.pick(publicWeights)]!;
}

/**
 * Returns are drawn by stratified systematic sampling rather than a coin per order: one running
 * sum of return probabilities per cell (member-or-about-to-join at the order × order in the last
 * 365 days × member at the end), and an order is returned when its cell's sum crosses a whole
 * number. Each cell then holds its expected share of returns ± 1, so a 4,000-customer demo shows
 * the return-rate ratio as clearly as a 3M one (with coins, 20k customers gave 0.52–0.70).
 * The ledger carries across customers: pass the same one through a whole load.
 */
export type ReturnLedger = Float64Array;

export function returnLedger(seed: number): ReturnLedger {
  const rng = Random.for(seed, 12, 0);
  const ledger = new Float64Array(8);
  for (let i = 0; i < ledger.length; i += 1) ledger[i] = rng.next();
  return ledger;
}

/** All of one customer's orders, cancelled attempts included, in time order. */
export function demoOrders(
  seed: number,
  c: DemoCustomer,
  t: Timeline,
  ledger: ReturnLedger,
): DemoOrder[] {
  const rng = Random.for(seed, 2, c.id);
  const lastYearMs = localMidnightMs(localDate(t.endMs - YEAR_MS));
  const memberAtEnd = isMember(c, t.endMs) ? 4 : 0;
  const orders: DemoOrder[] = [];
  const rate = rng.gamma(P.rateShape, P.publicRateMean / P.rateShape) * selectionOf(c.channel).rate;
  const maxRate = rate * P.privateRateMultiplier;
  const lastDays = localDayNumber(t.endMs) - 3;
  let ms = c.acquiredMs;
  let previousMs = 0;
  let first = true;
  for (;;) {
    let orderedMs = first ? ms : atTimeOfDay(rng, ms);
    if (orderedMs <= previousMs) orderedMs = previousMs + 60_000 + Math.floor(rng.next() * 600_000);
    if (orderedMs >= t.endMs) break;
    const member = isMember(c, orderedMs);
    const channel = first ? c.channel : pickChannel(rng, c, member);
    let amountYuan = rng.lognormal(O.medianYuan, O.sigma);
    if (channel.domain === 'private') amountYuan *= O.privateAmountFactor;
    if (first) amountYuan *= O.firstOrderFactor;
    const amountFen = Math.max(990, Math.round(amountYuan * 10) * 10);
    if (!first && rng.chance(O.cancelledShare)) {
      const cancelledMs = orderedMs - 300_000 - Math.floor(rng.next() * 7_200_000);
      if (cancelledMs > previousMs) {
        orders.push(
          order(c, cancelledMs, channel, amountFen, rng, 'cancelled', false, member, false),
        );
      }
    }
    const day = localDayNumber(orderedMs);
    const status: OrderStatus = day < lastDays ? 'completed' : rng.chance(0.5) ? 'shipped' : 'paid';
    // Members, and customers about to join (the package card in this parcel), return less and
    // stay much longer.
    const soonMember =
      member ||
      (c.joinedMs !== null && c.joinedMs - orderedMs < 45 * DAY_MS && c.joinedMs > orderedMs);
    const cell = (soonMember ? 1 : 0) + (orderedMs >= lastYearMs ? 2 : 0) + memberAtEnd;
    const before = ledger[cell] ?? 0;
    const after =
      before + (soonMember ? O.privateReturnRate : O.publicReturnRate) * (0.5 + rng.next());
    ledger[cell] = after;
    const returned = Math.floor(after) > Math.floor(before);
    orders.push(order(c, orderedMs, channel, amountFen, rng, status, returned, member, first));
    previousMs = orderedMs;
    // Drop out after this order?
    if (rng.chance(soonMember ? P.privateDropout : P.publicDropout)) break;
    // Next purchase by thinning: propose at the member rate, accept at the rate of the moment.
    ms = orderedMs;
    for (;;) {
      ms += rng.exponential(YEAR_MS / maxRate);
      if (ms >= t.endMs) break;
      if (isMember(c, ms) || rng.chance(1 / P.privateRateMultiplier)) break;
    }
    if (ms >= t.endMs) break;
    first = false;
  }
  return orders;
}

function order(
  c: DemoCustomer,
  orderedMs: number,
  channel: ChannelSpec,
  amountFen: number,
  rng: Random,
  status: OrderStatus,
  returned: boolean,
  member: boolean,
  first: boolean,
): DemoOrder {
  const margin = channel.margin + (rng.next() * 2 - 1) * O.marginJitter;
  let refundFen = 0;
  if (returned) {
    refundFen = rng.chance(O.fullRefundShare)
      ? amountFen
      : Math.round(amountFen * rng.uniform(0.2, 0.7));
  }
  return {
    customerId: c.id,
    orderedMs,
    localDate: localDate(orderedMs),
    channel,
    amountFen,
    grossProfitFen: Math.round(amountFen * margin),
    commissionFen:
      channel.commissionRate === null ? null : Math.round(amountFen * channel.commissionRate),
    status,
    returned,
    refundFen,
    first,
    member,
  };
}

/** Month-level facts the cost generator needs, gathered while the orders stream by. */
export interface OrderStats {
  customers: number;
  orders: number;
  gmvFen: number;
  /** By 'YYYY-MM': gross profit credited to private (METRICS §4 default rule, share 0.5). */
  privateGrossProfitFen: Map<string, number>;
  /** By 'YYYY-MM': customers whose first-ever order was in a public channel. */
  newPublicCustomers: Map<string, number>;
}

export function emptyStats(): OrderStats {
  return {
    customers: 0,
    orders: 0,
    gmvFen: 0,
    privateGrossProfitFen: new Map(),
    newPublicCustomers: new Map(),
  };
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function* customerRows(
  workspaceId: number,
  seed: number,
  count: number,
  t: Timeline,
  from = 1,
  to = count,
): Generator<CopyValue[]> {
  for (let id = from; id <= to; id += 1) {
    const c = demoCustomer(seed, id, count, t);
    yield [
      workspaceId,
      id,
      customerExternalId(id),
      new Date(c.acquiredMs).toISOString(),
      c.channel.code,
      c.joinedMs === null ? null : new Date(c.joinedMs).toISOString(),
      c.leftMs === null ? null : new Date(c.leftMs).toISOString(),
    ];
  }
}

/** Order ids are assigned in customer order, starting at firstOrderId. */
export interface OrderCursor {
  nextOrderId: number;
  returns: ReturnLedger;
}

export function orderCursor(seed: number): OrderCursor {
  return { nextOrderId: 1, returns: returnLedger(seed) };
}

export function* orderRows(
  workspaceId: number,
  seed: number,
  count: number,
  t: Timeline,
  cursor: OrderCursor,
  stats: OrderStats,
  from = 1,
  to = count,
): Generator<CopyValue[]> {
  const privateShare = 0.5;
  for (let id = from; id <= to; id += 1) {
    const c = demoCustomer(seed, id, count, t);
    stats.customers += 1;
    for (const o of demoOrders(seed, c, t, cursor.returns)) {
      const orderId = cursor.nextOrderId++;
      if (o.status !== 'cancelled') {
        stats.orders += 1;
        stats.gmvFen += o.amountFen;
        const month = o.localDate.slice(0, 7);
        const domain: Domain = o.channel.domain;
        if (o.first) {
          if (domain === 'public') add(stats.newPublicCustomers, month, 1);
          else add(stats.privateGrossProfitFen, month, o.grossProfitFen * privateShare);
        } else if (o.member) {
          add(stats.privateGrossProfitFen, month, o.grossProfitFen);
        }
      }
      yield [
        workspaceId,
        orderId,
        `O${orderId}`,
        o.customerId,
        o.channel.code,
        o.channel.domain,
        new Date(o.orderedMs).toISOString(),
        o.localDate,
        o.amountFen,
        o.grossProfitFen,
        o.commissionFen,
        o.status,
        o.returned,
        o.refundFen,
      ];
    }
  }
}

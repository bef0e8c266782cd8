/**
 * New customers and member joins and leaves per local day (rm_daily_customers, migration 0025,
 * decision 0014), so a window's counts read its days (≤ 730 rows for 24 months) instead of the
 * window's rm_customer rows (~1–2M index entries at 3M customers).
 *
 * - First orders are keyed by the first counted order's local date (rm_customer.first_local_date)
 *   and counted by its domain, as ROI's new customers always were.
 * - Joins and leaves are instants, and the readers count them between the instants their window's
 *   days begin (startOfLocalDate in @yugang/metrics): [start(from), start(to)). So an instant is
 *   keyed by the day D with start(D) ≤ instant < start(D + 1), computed here as startOfLocalDate
 *   computes it. That is its local date except where the clock moves across midnight: a spring
 *   forward at 00:00 begins the day an hour early (America/Santiago), and a jump back over
 *   midnight begins it at its second midnight (Antarctica/Casey, 2010); checked against
 *   startOfLocalDate for every IANA zone and day of 2000–2035.
 *
 * - The team KPIs' conversions (migration 0028, decision 0016): the first-timers of a first-order
 *   day who repurchased (repurchased_at kept, within 90 days) and the members of a join day whose
 *   first order after joining came within 30 days (converted_at kept).
 *
 * Kept by the same signed contributions as the other aggregates (read-model.aggregates.ts), from
 * rm_customer rows: a rebuild's, or a delta's changed customers (only the keys below matter).
 */
import { sql, type RawBuilder } from 'kysely';

export const DAILY_CUSTOMER_COLUMNS = [
  'new_public_customers',
  'new_private_customers',
  'joined_private',
  'left_private',
  'first_repurchased',
  'joined_converted',
] as const;

/** What of an rm_customer row the per-day counts depend on, as customerEvents reads it. */
const KEYS = sql.raw(
  'first_local_date, first_domain, joined_private_at, left_private_at, converted, repurchased',
);

/** An rm_customer row's KEYS (the two conversions as whether they came within their span). */
const KEYS_OF_ROW = sql.raw(`first_local_date, first_domain, joined_private_at, left_private_at,
  converted_at is not null as converted, repurchased_at is not null as repurchased`);

/** Signed rm_customer rows (`sg` and the table's columns) as customerEvents' keyed rows. */
export function customerKeys(rows: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select sg, ${KEYS_OF_ROW} from (${rows}) r`;
}

/** The instant local date `day` begins, as startOfLocalDate (@yugang/metrics) computes it. */
function startOfDay(day: RawBuilder<unknown>, timeZone: string): RawBuilder<unknown> {
  // The date read as UTC, less the zone's offset there, then less the offset at that guess.
  const guess = sql`((${day})::timestamp at time zone 'UTC')`;
  const first = sql`(${guess} - ((${guess} at time zone ${timeZone}) - (${day})::timestamp))`;
  return sql`(${guess} - ((${first} at time zone ${timeZone}) - (${first} at time zone 'UTC')))`;
}

/**
 * Signed per-day counts (`sg`, local_date and DAILY_CUSTOMER_COLUMNS, one row per event) of
 * signed keyed customer rows (`sg` and KEYS: customerKeys or changedCustomerKeys), read three
 * times: a rebuild's table scans are cheaper than keeping its 3M rows, a delta's computed rows
 * (`computed`) are kept once. An instant's day is its local date L, or L − 1 before start(L),
 * or L + 1 from start(L + 1), each L's two starts computed once: per instant, their ~15 time-zone
 * conversions took 62 s for the 1.1M joins and leaves at 3M customers.
 */
export function customerEvents(
  rows: RawBuilder<unknown>,
  timeZone: string,
  computed = false,
): RawBuilder<unknown> {
  const instants = (column: string, joined: number) => sql`
    select c.sg, c.${sql.ref(column)} as at,
      (c.${sql.ref(column)} at time zone ${timeZone})::date as local, ${sql.lit(joined)} as joined,
      ${joined === 1 ? sql`c.converted::int` : sql`0`} as converted
    from c where c.${sql.ref(column)} is not null`;
  return sql`
    with c as ${computed ? sql`materialized` : sql`not materialized`} (
      select sg, ${KEYS} from (${rows}) r
    ), i as materialized (
      ${instants('joined_private_at', 1)} union all ${instants('left_private_at', 0)}
    ), starts as materialized (
      select local, ${startOfDay(sql`local`, timeZone)} as s0,
        ${startOfDay(sql`local + 1`, timeZone)} as s1
      from (select distinct local from i) l
    )
    select c.sg, c.first_local_date as local_date,
      (c.first_domain = 'public')::int as new_public_customers,
      (c.first_domain = 'private')::int as new_private_customers,
      0 as joined_private, 0 as left_private, c.repurchased::int as first_repurchased,
      0 as joined_converted
    from c where c.first_local_date is not null
    union all
    select i.sg, case when i.at < s.s0 then i.local - 1 when i.at >= s.s1 then i.local + 1
        else i.local end,
      0, 0, i.joined, 1 - i.joined, 0, i.converted
    from i join starts s on s.local = i.local`;
}

/**
 * A delta's customer rows as the net change of their KEYS (`sg` the signed multiplicity): the
 * gone rows count −1 and the added ones +1. A customer whose keys did not move (a day's appended
 * orders) cancels out here, before the day of any instant is computed.
 */
export function changedCustomerKeys(gone: string, added: string): RawBuilder<unknown> {
  return sql`
    select sum(sg)::int as sg, ${KEYS} from (
      select -1 as sg, ${KEYS_OF_ROW} from ${sql.table(gone)}
      union all select 1, ${KEYS_OF_ROW} from ${sql.table(added)}
    ) k
    group by ${KEYS}
    having sum(sg) <> 0`;
}

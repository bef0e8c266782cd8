/**
 * The bench's DuckDB baseline: the raw orders, customers, conversations, live sessions and costs
 * exported once from Postgres (psql \copy to CSV under the OS temp folder, reused for the same
 * database while the order and conversation counts are the same), loaded into an in-memory
 * DuckDB, and each compared endpoint's figures computed there from the raw rows per request,
 * with the definitions of METRICS.md as the API implements them (first-ever order by ordered_at
 * then external id, cancelled orders never count, customer groups at the period's end). Instants
 * are integer microseconds so that every comparison with a local midnight (ICU, the workspace
 * time zone) is exact.
 *
 * Each comparison turns the API's JSON answer and DuckDB's result into the same figures; the
 * bench (run.ts) times both sides uncached and checks them equal:
 * - summary: buyers, orders, GMV, repeat GMV, private buyers of the window (DuckDB also computes
 *   the previous window, as the answer holds both);
 * - trends: GMV by month, and buyers / repeat buyers by week, all and private, every period
 *   overlapping the window (each period grouped at its own end);
 * - attribution: credited public and private GMV by month of the window's orders (a first-ever
 *   public order public, a first-ever private one split by the private share, later orders by
 *   membership at their instant);
 * - cohorts (first order, and private join: month of the join's local date): each cohort's size
 *   and active customers per month offset, all and private at the as-of month's end; historical
 *   LTV (GMV, first order): sizes and cumulative GMV per offset, by group;
 * - ROI: credited private GMV and its gross profit, the ROI value, costs of the months wholly in
 *   the window by domain and category (and the cut months), new customers by first-order domain,
 *   new members (join instant in the window), the year's GMV, and the cumulative cost and gross
 *   profit curves from the launch month;
 * - team KPIs: guide rate, 48 h response rate and its counts, median first response (two middle
 *   reply times in exact milliseconds), and the first-order and repurchase conversions as of
 *   the same 10-minute step as the API.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Window {
  from: string;
  to: string;
}

export interface BaselineSettings {
  timeZone: string;
  defaultMargin: number;
  privateShare: number;
  /** 'YYYY-MM' of the workspace's private launch, or null. */
  launchMonth: string | null;
}

/** The API's answer to one request and DuckDB's, as the same figures. */
export interface Comparison {
  name: string;
  /** True: one request per random window; false: the same request each time. */
  windowed: boolean;
  path(w: Window): string;
  /** The figures from the API's JSON answer; `now` is the instant the request was sent. */
  fromApi(answer: unknown, w: Window): unknown;
  fromDuck(w: Window, now: number): Promise<unknown>;
  /** What this comparison leaves out, and why. */
  note?: string;
}

export interface DuckBaseline {
  comparisons: Comparison[];
  close(): void;
}

function exportCsv(url: string, query: string, file: string): void {
  // Written under another name first: an interrupted export is not taken for a finished one.
  execFileSync(
    'psql',
    [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy (${query}) to '${file}.part' csv`],
    {
      stdio: 'inherit',
    },
  );
  renameSync(`${file}.part`, file);
}

const us = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint`;

/** Table name → the export query (workspace `ws`) and DuckDB's column types, in order. */
function tables(ws: number): Record<string, { query: string; columns: Record<string, string> }> {
  return {
    orders: {
      query: `select customer_id, ${us('ordered_at')}, external_id, local_date, amount_fen,
        gross_profit_fen, returned, domain, status from orders where workspace_id = ${ws}`,
      columns: {
        customer_id: 'BIGINT',
        ordered_at: 'BIGINT',
        external_id: 'VARCHAR',
        local_date: 'DATE',
        amount_fen: 'BIGINT',
        gross_profit_fen: 'BIGINT',
        returned: 'BOOLEAN',
        domain: 'VARCHAR',
        status: 'VARCHAR',
      },
    },
    customers: {
      query: `select id, ${us('joined_private_at')}, ${us('left_private_at')}
        from customers where workspace_id = ${ws}`,
      columns: { id: 'BIGINT', joined: 'BIGINT', left_at: 'BIGINT' },
    },
    conversations: {
      query: `select ${us('first_inbound_at')}, ${us('first_response_at')}
        from conversations where workspace_id = ${ws}`,
      columns: { inbound: 'BIGINT', response: 'BIGINT' },
    },
    live_sessions: {
      query: `select ${us('started_at')}, viewers, private_adds
        from live_sessions where workspace_id = ${ws}`,
      columns: { started: 'BIGINT', viewers: 'BIGINT', private_adds: 'BIGINT' },
    },
    costs: {
      query: `select month, domain, category, amount_fen from costs where workspace_id = ${ws}`,
      columns: { month: 'DATE', domain: 'VARCHAR', category: 'VARCHAR', amount_fen: 'BIGINT' },
    },
  };
}

/** Rows of a DuckDB query as plain objects (cast numbers to DOUBLE and dates to VARCHAR in SQL). */
async function rows<T>(
  c: DuckDBConnection,
  query: string,
  params: (string | number)[] = [],
): Promise<T[]> {
  const reader = await c.runAndReadAll(query, params);
  return reader.getRowObjects() as T[];
}

/** The local midnight starting a date, in µs: `day` is SQL giving a DATE. */
const midnight = (day: string) => `epoch_us(timezone($tz, (${day})::timestamp))`;
/** Private at instant `t` (µs), customers aliased `c`. */
const privateAt = (t: string) =>
  `coalesce(c.joined <= ${t} and (c.left_at is null or c.left_at > ${t}), false)`;
/**
 * The private credit of a counted order `o` (aliases: `o` with nth, customer `c`): a first-ever
 * public order none, a first-ever private one the private share, a later one all of it when the
 * customer is a member at its instant.
 */
const creditPrivate = (share: string) => `case
    when o.nth = 1 then case when o.domain = 'public' then 0 else round(o.amount_fen * ${share}) end
    when ${privateAt('o.ordered_at')} then o.amount_fen
    else 0 end`;
/** Counted orders with each customer's order number by (ordered_at, external id). */
const counted = `select *, row_number() over (partition by customer_id
    order by ordered_at, external_id) as nth
  from orders where status <> 'cancelled'`;

export async function openDuckBaseline(
  url: string,
  ws: number,
  size: { orders: number; conversations: number },
  settings: BaselineSettings,
  log: (line: string) => void,
): Promise<DuckBaseline> {
  // Per database, workspace and data size: a copy of the database that others changed since
  // gets its own export.
  const database = new URL(url).pathname.slice(1);
  const base = path.join(
    tmpdir(),
    `yugang-bench-v2-${database}-${ws}-${size.orders}-${size.conversations}`,
  );
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const c: DuckDBConnection = await instance.connect();
  for (const [name, t] of Object.entries(tables(ws))) {
    const file = `${base}-${name}.csv`;
    if (!existsSync(file)) exportCsv(url, t.query, file);
    const columns = Object.entries(t.columns)
      .map(([k, v]) => `'${k}': '${v}'`)
      .join(', ');
    await c.run(
      `create table ${name} as select * from read_csv('${file}', header = false, columns = {${columns}})`,
    );
  }
  log(
    `duckdb: raw rows exported and loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const tz = settings.timeZone;
  const margin = `${settings.defaultMargin}::DECIMAL(18, 6)`;
  const share = `${settings.privateShare}::DECIMAL(18, 6)`;
  const fen = (yuan: number) => Math.round(yuan * 100);
  const run = <T>(query: string, params: Record<string, string | number>) => {
    // Named parameters as positional ones: DuckDB's node API binds $1 … $n.
    const names = Object.keys(params);
    const text = query.replace(/\$([a-z]+)/g, (_, n: string) => {
      const i = names.indexOf(n);
      if (i < 0) throw new Error(`no parameter ${n}`);
      return `$${i + 1}`;
    });
    return rows<T>(c, text, Object.values(params));
  };

  // —— summary ——
  const summaryWindow = async (from: string, to: string) => {
    const [row] = await run<Record<string, number | null>>(
      `with c0 as (${counted}), per as (
        select customer_id, count(*) as n, sum(amount_fen) as gmv,
          coalesce(sum(amount_fen) filter (where nth > 1), 0) as rep
        from c0 where local_date >= $from::date and local_date < $to::date
        group by customer_id
      )
      select count(*)::double as buyers, sum(n)::double as orders, sum(gmv)::double as gmv,
        sum(rep)::double as rep,
        count(*) filter (where ${privateAt(midnight('$to::date'))})::double as private_buyers
      from per left join customers c on c.id = per.customer_id`,
      { from, to, tz },
    );
    return {
      buyers: row!.buyers ?? 0,
      orders: row!.orders ?? 0,
      gmvFen: row!.gmv ?? 0,
      repeatGmvFen: row!.rep ?? 0,
      privateBuyers: row!.private_buyers ?? 0,
    };
  };
  type Evidence = { value: number | null; numerator: number; denominator: number };
  type SummaryAnswer = { metrics: Record<string, Record<'all' | 'private', Evidence>> };
  const days = (w: Window) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000;
  const before = (date: string, n: number) =>
    new Date(Date.parse(date) - n * 86_400_000).toISOString().slice(0, 10);

  const summary: Comparison = {
    name: 'summary',
    windowed: true,
    path: (w) => `/metrics/summary?from=${w.from}&to=${w.to}`,
    fromApi(answer) {
      const m = (answer as SummaryAnswer).metrics;
      return {
        buyers: m.buyers!.all.value ?? 0,
        orders: m.orders!.all.value ?? 0,
        gmvFen: fen(m.gmv!.all.value ?? 0),
        repeatGmvFen: fen(m.repeat_revenue_share!.all.numerator),
        privateBuyers: m.buyers!.private.value ?? 0,
      };
    },
    async fromDuck(w) {
      const [now] = await Promise.all([
        summaryWindow(w.from, w.to),
        summaryWindow(before(w.from, days(w)), w.from),
      ]);
      return now;
    },
  };

  // —— trends ——
  type PeriodRow = {
    period: string;
    buyers: number;
    repeat_buyers: number;
    gmv: number;
    private_buyers: number;
    private_repeat_buyers: number;
    private_gmv: number;
  };
  /** Every week or month overlapping [from, to), each with its customers grouped at its end. */
  const periods = (grain: 'week' | 'month', w: Window) => {
    const step = grain === 'week' ? `interval 7 day` : `interval 1 month`;
    return run<PeriodRow>(
      `with bounds as (
        select date_trunc('${grain}', $from::date)::date as first,
          (date_trunc('${grain}', $to::date - 1) + ${step})::date as stop
      ), p as (
        select range::date as period, ${midnight(`range + ${step}`)} as end_us
        from bounds, range(bounds.first, bounds.stop, ${step})
      ), per as (
        select date_trunc('${grain}', o.local_date)::date as period, o.customer_id,
          count(*) as n, sum(o.amount_fen) as gmv
        from orders o, bounds
        where o.status <> 'cancelled' and o.local_date >= bounds.first
          and o.local_date < bounds.stop
        group by 1, 2
      ), g as (
        select per.*, ${privateAt('p.end_us')} as private
        from per join p using (period) left join customers c on c.id = per.customer_id
      )
      select p.period::varchar as period,
        count(g.customer_id)::double as buyers,
        count(*) filter (where g.n >= 2)::double as repeat_buyers,
        coalesce(sum(g.gmv), 0)::double as gmv,
        count(*) filter (where g.private)::double as private_buyers,
        count(*) filter (where g.private and g.n >= 2)::double as private_repeat_buyers,
        coalesce(sum(g.gmv) filter (where g.private), 0)::double as private_gmv
      from p left join g using (period)
      group by p.period order by p.period`,
      { from: w.from, to: w.to, tz },
    );
  };
  type TrendsAnswer = { points: { period: string; all: Evidence; private: Evidence }[] };
  const trendsGmv: Comparison = {
    name: 'trends gmv by month',
    windowed: true,
    path: (w) => `/metrics/trends?metric=gmv&grain=month&from=${w.from}&to=${w.to}`,
    fromApi: (answer) =>
      (answer as TrendsAnswer).points.map((p) => [
        p.period,
        fen(p.all.numerator),
        fen(p.private.numerator),
      ]),
    fromDuck: async (w) => (await periods('month', w)).map((p) => [p.period, p.gmv, p.private_gmv]),
  };
  const trendsRepeat: Comparison = {
    name: 'trends repeat rate by week',
    windowed: true,
    path: (w) => `/metrics/trends?metric=repeat_purchase_rate&grain=week&from=${w.from}&to=${w.to}`,
    fromApi: (answer) =>
      (answer as TrendsAnswer).points.map((p) => [
        p.period,
        p.all.numerator,
        p.all.denominator,
        p.private.numerator,
        p.private.denominator,
      ]),
    fromDuck: async (w) =>
      (await periods('week', w)).map((p) => [
        p.period,
        p.repeat_buyers,
        p.buyers,
        p.private_repeat_buyers,
        p.private_buyers,
      ]),
  };

  // —— attribution: credited GMV by month, the window's orders, every month overlapping it ——
  type AttributionAnswer = { rows: { period: string; public: number; private: number }[] };
  const attribution: Comparison = {
    name: 'attribution by month',
    windowed: true,
    path: (w) => `/attribution?grain=month&from=${w.from}&to=${w.to}`,
    fromApi: (answer) =>
      (answer as AttributionAnswer).rows.map((r) => [r.period, fen(r.public), fen(r.private)]),
    fromDuck: async (w) =>
      (
        await run<{ period: string; public: number; private: number }>(
          `with bounds as (
            select date_trunc('month', $from::date)::date as first,
              (date_trunc('month', $to::date - 1) + interval 1 month)::date as stop
          ), p as (
            select range::date as period
            from bounds, range(bounds.first, bounds.stop, interval 1 month)
          ), c0 as (${counted}), credited as (
            select date_trunc('month', o.local_date)::date as period, sum(o.amount_fen) as gmv,
              sum(${creditPrivate(share)}) as private
            from c0 o left join customers c on c.id = o.customer_id
            where o.local_date >= $from::date and o.local_date < $to::date
            group by 1
          )
          select strftime(p.period, '%Y-%m') as period,
            coalesce(gmv - private, 0)::double as public, coalesce(private, 0)::double as private
          from p left join credited using (period)
          order by p.period`,
          { from: w.from, to: w.to },
        )
      ).map((r) => [r.period, r.public, r.private]),
  };

  // —— cohorts and historical LTV (default asOf: the latest month with an order or a cohort) ——
  type CohortRow = {
    cohort: string;
    k: number | null;
    private: boolean;
    customers: number;
    gmv: number | null;
  };
  type Basis = 'first_order' | 'private_join';
  /** Each customer's cohort month: of the first counted order, or of the join's local date. */
  const cohortOf: Record<Basis, string> = {
    first_order: `select customer_id, date_trunc('month', local_date)::date as cohort
      from c0 where nth = 1`,
    private_join: `select id as customer_id, date_trunc('month',
        timezone($tz, timezone('UTC', make_timestamp(joined))))::date as cohort
      from customers where joined is not null`,
  };
  const cohortRows = (basis: Basis) =>
    run<CohortRow & { as_of: string }>(
      `with c0 as (${counted}), k0 as (${cohortOf[basis]}),
      as_of as (
        select greatest((select max(date_trunc('month', local_date)) from c0),
          (select max(cohort) from k0))::date as m
      ), g as (
        select k0.customer_id, k0.cohort,
          ${privateAt(midnight('as_of.m + interval 1 month'))} as private
        from k0 cross join as_of left join customers c on c.id = k0.customer_id
      ), activity as (
        select customer_id, date_trunc('month', local_date)::date as month, sum(amount_fen) as gmv
        from c0 group by 1, 2
      )
      select cohort::varchar as cohort, null::double as k, private, count(*)::double as customers,
        null::double as gmv, (select strftime(m, '%Y-%m') from as_of) as as_of
      from g group by all
      union all
      select g.cohort::varchar, datediff('month', g.cohort, a.month)::double, g.private,
        count(*)::double, sum(a.gmv)::double, null
      from g join activity a on a.customer_id = g.customer_id and a.month >= g.cohort
      group by all`,
      { tz },
    );
  /** cohort → group → size and per-offset [customers, gmv]; the triangle's as-of month. */
  const cohortTable = async (basis: Basis) => {
    const out = new Map<string, Record<'public' | 'private', { size: number; k: number[][] }>>();
    let asOf = '';
    for (const r of await cohortRows(basis)) {
      const month = r.cohort.slice(0, 7);
      let e = out.get(month);
      if (!e) out.set(month, (e = { public: { size: 0, k: [] }, private: { size: 0, k: [] } }));
      const g = e[r.private ? 'private' : 'public'];
      if (r.k === null) {
        g.size = r.customers;
        asOf = (r as { as_of: string }).as_of;
      } else g.k[r.k] = [r.customers, r.gmv ?? 0];
    }
    const width = (cohort: string) =>
      (Number(asOf.slice(0, 4)) - Number(cohort.slice(0, 4))) * 12 +
      Number(asOf.slice(5)) -
      Number(cohort.slice(5)) +
      1;
    return { out, asOf, width };
  };
  type CohortsAnswer = {
    asOf: string;
    cohorts: {
      cohort: string;
      size: number;
      cells: Evidence[];
      groups: Record<'private', { size: number; cells: Evidence[] }>;
    }[];
  };
  const retention = (basis: Basis): Comparison => ({
    name: `cohorts, ${basis.replace('_', ' ')}`,
    windowed: false,
    path: () => `/cohorts?basis=${basis}`,
    fromApi: (answer) => {
      const a = answer as CohortsAnswer;
      return [
        a.asOf,
        a.cohorts.map((k) => [
          k.cohort,
          k.size,
          k.groups.private.size,
          k.cells.map((e) => e.numerator),
          k.groups.private.cells.map((e) => e.numerator),
        ]),
      ];
    },
    async fromDuck() {
      const { out, asOf, width } = await cohortTable(basis);
      return [
        asOf,
        [...out.keys()].sort().map((cohort) => {
          const e = out.get(cohort)!;
          const n = width(cohort);
          const active = (g: 'public' | 'private', k: number) => e[g].k[k]?.[0] ?? 0;
          return [
            cohort,
            e.public.size + e.private.size,
            e.private.size,
            Array.from({ length: n }, (_, k) => active('public', k) + active('private', k)),
            Array.from({ length: n }, (_, k) => active('private', k)),
          ];
        }),
      ];
    },
  });
  type LtvAnswer = {
    asOf: string;
    cohorts: {
      cohort: string;
      size: Record<'public' | 'private' | 'all', number>;
      cells: Record<'public' | 'private' | 'all', Evidence[]>;
    }[];
  };
  const ltv: Comparison = {
    name: 'ltv gmv by group, first order',
    windowed: false,
    path: () => '/ltv?basis=first_order&measure=gmv',
    fromApi: (answer) => {
      const a = answer as LtvAnswer;
      return [
        a.asOf,
        a.cohorts.map((k) => [
          k.cohort,
          k.size.public,
          k.size.private,
          k.size.all,
          k.cells.public.map((e) => fen(e.numerator)),
          k.cells.private.map((e) => fen(e.numerator)),
          k.cells.all.map((e) => fen(e.numerator)),
        ]),
      ];
    },
    async fromDuck() {
      const { out, asOf, width } = await cohortTable('first_order');
      return [
        asOf,
        [...out.keys()].sort().map((cohort) => {
          const e = out.get(cohort)!;
          const cumulative = (value: (k: number) => number) => {
            let sum = 0;
            return Array.from({ length: width(cohort) }, (_, k) => (sum += value(k)));
          };
          const gmv = (g: 'public' | 'private', k: number) => e[g].k[k]?.[1] ?? 0;
          return [
            cohort,
            e.public.size,
            e.private.size,
            e.public.size + e.private.size,
            cumulative((k) => gmv('public', k)),
            cumulative((k) => gmv('private', k)),
            cumulative((k) => gmv('public', k) + gmv('private', k)),
          ];
        }),
      ];
    },
  };

  // —— ROI ——
  type RoiAnswer = {
    privateRoi: {
      value: number | null;
      privateGmv: number;
      privateGrossProfit: number;
      variableCost: number;
      fixedCost: number;
    };
    publicCac: { newPublicCustomers: number; newPrivateFirstOrderCustomers: number };
    nurtureCost: { newPrivateMembers: number };
    budgetSplit: { yearlyGmv: number };
    costs: Record<'private' | 'public', Record<string, number>> & { partialMonths: string[] };
    cumulative: {
      points: {
        month: string;
        privateCost: number;
        privateGrossProfit: number;
        publicCost: number;
        publicGrossProfit: number;
      }[];
    };
  };
  const CATEGORIES = ['labor', 'tools', 'traffic', 'trial', 'fixed', 'total'] as const;
  const roi: Comparison = {
    name: 'roi',
    windowed: true,
    path: (w) => `/roi?from=${w.from}&to=${w.to}`,
    note:
      'private gross profit is the API’s (gross profit × credited private GMV / GMV per period, ' +
      'rounded: the read model keeps no credited gross profit), computed the same way from DuckDB’s ' +
      'sums; the budget split’s shares and the curves’ ROI ratios follow from the compared sums ' +
      'and are not compared',
    fromApi(answer) {
      const a = answer as RoiAnswer;
      const costs = (d: 'private' | 'public') => CATEGORIES.map((k) => fen(a.costs[d][k]!));
      return {
        privateGmv: fen(a.privateRoi.privateGmv),
        privateGrossProfit: fen(a.privateRoi.privateGrossProfit),
        roi: a.privateRoi.value,
        privateCosts: costs('private'),
        publicCosts: costs('public'),
        partialMonths: [...a.costs.partialMonths].sort(),
        newCustomers: [a.publicCac.newPublicCustomers, a.publicCac.newPrivateFirstOrderCustomers],
        newMembers: a.nurtureCost.newPrivateMembers,
        yearlyGmv: fen(a.budgetSplit.yearlyGmv),
        points: a.cumulative.points.map((p) => [
          p.month,
          fen(p.privateCost),
          fen(p.privateGrossProfit),
          fen(p.publicCost),
          fen(p.publicGrossProfit),
        ]),
      };
    },
    async fromDuck(w) {
      // One pass over the orders into per-day sums; the window, the year, the months from them.
      await c.run('drop table if exists roi_daily');
      await run(
        `create temp table roi_daily as
        with c0 as (${counted})
        select o.local_date, sum(o.amount_fen) as gmv,
          sum(coalesce(o.gross_profit_fen, round(o.amount_fen * ${margin}))) as gp,
          sum(${creditPrivate(share)}) as credited,
          count(*) filter (where o.nth = 1 and o.domain = 'public') as new_public,
          count(*) filter (where o.nth = 1 and o.domain = 'private') as new_private
        from c0 o left join customers c on c.id = o.customer_id
        where o.local_date < $to::date
        group by 1`,
        { to: w.to },
      );
      // Credited gross profit as the API takes it: doubles, rounded half up (sums are positive).
      const creditedGp = (gp: string, credited: string, gmv: string) =>
        `case when ${gmv} = 0 then 0 else round((${gp}::double * ${credited}::double) / ${gmv}::double) end`;
      const [figures] = await run<{
        credited: number;
        gp: number;
        new_public: number;
        new_private: number;
        yearly: number;
        members: number;
      }>(
        `with s as (
          select coalesce(sum(gmv), 0) as gmv, coalesce(sum(gp), 0) as gp,
            coalesce(sum(credited), 0) as credited, coalesce(sum(new_public), 0) as new_public,
            coalesce(sum(new_private), 0) as new_private
          from roi_daily where local_date >= $from::date
        )
        select credited::double as credited, ${creditedGp('gp', 'credited', 'gmv')}::double as gp,
          new_public::double as new_public, new_private::double as new_private,
          (select coalesce(sum(gmv), 0) from roi_daily
            where local_date >= $to::date - 365)::double as yearly,
          (select count(*) from customers c
            where c.joined >= ${midnight('$from::date')} and c.joined < ${midnight('$to::date')})::double
            as members
        from s`,
        { from: w.from, to: w.to, tz },
      );
      const costRows = await run<{
        domain: string;
        category: string;
        amount: number;
        inside: boolean;
        month: string;
      }>(
        `select domain, category, sum(amount_fen)::double as amount,
          month >= $from::date and month + interval 1 month <= $to::date as inside,
          strftime(month, '%Y-%m') as month
        from costs
        where month < $to::date and month + interval 1 month > $from::date
        group by all`,
        { from: w.from, to: w.to },
      );
      const byCategory = (d: string) => {
        const sums = CATEGORIES.map(
          (k) =>
            costRows
              .filter((r) => r.inside && r.domain === d && (k === 'total' || r.category === k))
              .reduce((s, r) => s + r.amount, 0) as number,
        );
        return sums;
      };
      const privateCosts = byCategory('private');
      const variable = privateCosts.slice(0, 4).reduce((s, v) => s + v, 0);
      const launch = settings.launchMonth;
      const points = await run<{ month: string; pc: number; pgp: number; uc: number; ugp: number }>(
        `with m as (
          select date_trunc('month', local_date)::date as month, sum(gmv) as gmv, sum(gp) as gp,
            sum(credited) as credited
          from roi_daily group by 1
        ), cm as (
          select month, sum(amount_fen) filter (where domain = 'private') as private_cost,
            sum(amount_fen) filter (where domain = 'public') as public_cost
          from costs group by 1
        ), e as (
          select coalesce(m.month, cm.month) as month,
            coalesce(cm.private_cost, 0) as pc,
            coalesce(${creditedGp('m.gp', 'm.credited', 'm.gmv')}, 0) as pgp,
            coalesce(cm.public_cost, 0) as uc, coalesce(m.gp, 0) as gp
          from m full join cm on cm.month = m.month
          where coalesce(m.month, cm.month) <= date_trunc('month', $to::date - 1)
        ), launch as (
          select coalesce(${launch ? `'${launch}-01'::date` : 'null::date'},
            (select min(month) from e where pc <> 0 or pgp <> 0)) as month
        ), months as (
          select range::date as month
          from launch, range(launch.month, date_trunc('month', $to::date - 1) + interval 1 month,
            interval 1 month)
        )
        select strftime(months.month, '%Y-%m') as month,
          sum(coalesce(e.pc, 0)) over w::double as pc,
          sum(coalesce(e.pgp, 0)) over w::double as pgp,
          sum(coalesce(e.uc, 0)) over w::double as uc,
          sum(coalesce(e.gp - e.pgp, 0)) over w::double as ugp
        from months left join e using (month)
        window w as (order by months.month)
        order by months.month`,
        { to: w.to },
      );
      const f = figures!;
      return {
        privateGmv: f.credited,
        privateGrossProfit: f.gp,
        roi: variable === 0 ? null : (f.gp - privateCosts[4]!) / variable,
        privateCosts,
        publicCosts: byCategory('public'),
        partialMonths: [...new Set(costRows.filter((r) => !r.inside).map((r) => r.month))].sort(),
        newCustomers: [f.new_public, f.new_private],
        newMembers: f.members,
        yearlyGmv: f.yearly,
        points: points.map((p) => [p.month, p.pc, p.pgp, p.uc, p.ugp]),
      };
    },
  };

  // —— team KPIs ——
  type Conversion = { numerator: number; denominator: number; entrants: number };
  type TeamAnswer = {
    asOf: string;
    guideRate: Evidence & { sessions: number };
    responseRate48h: Evidence & { started: number; pending: number };
    medianFirstResponseHours: { value: number | null; count: number };
    firstOrderConversion: Conversion;
    repurchaseConversion: Conversion;
  };
  const STEP_MS = 10 * 60_000;
  const team: Comparison = {
    name: 'team kpis',
    windowed: true,
    path: (w) => `/team-kpis?from=${w.from}&to=${w.to}`,
    fromApi(answer) {
      const a = answer as TeamAnswer;
      const conversion = (e: Conversion) => [e.entrants, e.denominator, e.numerator];
      return {
        asOf: Date.parse(a.asOf) * 1000,
        guide: [a.guideRate.sessions, a.guideRate.numerator, a.guideRate.denominator],
        response: [
          a.responseRate48h.started,
          a.responseRate48h.pending,
          a.responseRate48h.numerator,
          a.responseRate48h.denominator,
        ],
        median: [a.medianFirstResponseHours.count, a.medianFirstResponseHours.value],
        firstOrder: conversion(a.firstOrderConversion),
        repurchase: conversion(a.repurchaseConversion),
      };
    },
    async fromDuck(w, nowMs) {
      // As the API: now is the 10-minute step; the response figures are as of min(now, end).
      const now = Math.floor(nowMs / STEP_MS) * STEP_MS * 1000;
      const hour = 3_600_000_000;
      const [r] = await run<Record<string, number | null>>(
        `with b as (
          select ${midnight('$from::date')} as s, ${midnight('$to::date')} as e
        ), t as (
          select inbound, case when response <= least($now, b.e)
            then greatest(0, response - inbound) end as gap
          from conversations, b where inbound >= b.s and inbound < b.e
        ), replies as (
          select gap, row_number() over (order by gap) as i, count(*) over () as n
          from t where gap is not null
        )
        select least($now, b.e)::double as as_of,
          (select count(*) from live_sessions, b where started >= b.s and started < b.e)::double
            as sessions,
          (select coalesce(sum(private_adds), 0) from live_sessions, b
            where started >= b.s and started < b.e)::double as adds,
          (select coalesce(sum(viewers), 0) from live_sessions, b
            where started >= b.s and started < b.e)::double as viewers,
          (select count(*) from t)::double as started,
          (select count(*) filter (where gap <= ${48 * hour}) from t)::double as answered,
          (select count(*) filter (where gap <= ${48 * hour}
            or inbound + ${48 * hour} <= least($now, b.e)) from t)::double as decided,
          (select count(*) from replies)::double as replied,
          (select (max(gap) filter (where i = (n + 1) // 2) / 1000 / 3600000
            + max(gap) filter (where i = n // 2 + 1) / 1000 / 3600000) / 2 from replies)
            as median
        from b`,
        { from: w.from, to: w.to, tz, now },
      );
      const day = 86_400_000_000;
      const [k] = await run<Record<string, number>>(
        `with b as (
              select ${midnight('$from::date')} as s, ${midnight('$to::date')} as e
            ), members as (
              select c.id, c.joined from customers c, b where c.joined >= b.s and c.joined < b.e
            ), first_after as (
              select m.id, m.joined, min(o.ordered_at) as first_at
              from members m left join orders o on o.customer_id = m.id
                and o.status <> 'cancelled' and o.ordered_at >= m.joined
              group by 1, 2
            ), c0 as (${counted}), firsts as (
              select f.customer_id, f.ordered_at as first_at, s.ordered_at as second_at
              from c0 f left join c0 s on s.customer_id = f.customer_id and s.nth = 2
              where f.nth = 1 and f.local_date >= $from::date and f.local_date < $to::date
            )
            select
              (select count(*) from first_after)::double as f_entrants,
              (select count(*) filter (where joined + ${30 * day} <= $now) from first_after)::double
                as f_mature,
              (select count(*) filter (where joined + ${30 * day} <= $now
                and first_at <= joined + ${30 * day}) from first_after)::double as f_hits,
              (select count(*) filter (where first_at <= $now) from firsts)::double as r_entrants,
              (select count(*) filter (where first_at + ${90 * day} <= $now) from firsts)::double
                as r_mature,
              (select count(*) filter (where first_at + ${90 * day} <= $now
                and second_at <= first_at + ${90 * day}) from firsts)::double as r_hits`,
        { from: w.from, to: w.to, tz, now },
      );
      return {
        asOf: r!.as_of,
        guide: [r!.sessions, r!.adds, r!.viewers],
        response: [r!.started, r!.started! - r!.decided!, r!.answered, r!.decided],
        median: [r!.replied, r!.median],
        firstOrder: [k!.f_entrants, k!.f_mature, k!.f_hits],
        repurchase: [k!.r_entrants, k!.r_mature, k!.r_hits],
      };
    },
  };

  return {
    comparisons: [
      summary,
      trendsGmv,
      trendsRepeat,
      attribution,
      retention('first_order'),
      retention('private_join'),
      ltv,
      roi,
      team,
    ],
    close() {
      c.closeSync();
      instance.closeSync();
    },
  };
}

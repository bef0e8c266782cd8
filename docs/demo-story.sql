-- The demo's story, checked in plain SQL over the raw tables (METRICS.md definitions).
--
--   pnpm yg demo                      # 20,000 customers, seed 1 (PGlite data folder or DATABASE_URL)
--   psql postgres://postgres@127.0.0.1:5432/<db> -f docs/demo-story.sql
--
-- Expected (seed 1): purchase frequency ≈ 2.1 (private) vs ≈ 1.2 (public) over the last 365 days,
-- return-rate ratio private/public ≈ 0.6, private repeat-revenue share ≈ 0.7, cost-balance month
-- 8–12, private budget ≈ 60/20/20, public CAC ¥80–150, one hollow-growth group, red-line days.
-- The window is the 365 days before the first day after the data (the month after the last
-- order); each customer is grouped at the window's end instant in the workspace time zone.
-- apps/api/src/demo/demo-story.test.ts runs each statement below by its `-- name:` line.

-- name: customer_value
with ws as (
  select id, time_zone from workspaces where slug = 'demo'
), win as (
  select ws.id as workspace_id,
         (date_trunc('month', max(o.local_date)) + interval '1 month')::date as window_to,
         ((date_trunc('month', max(o.local_date)) + interval '1 month')::date - 365) as window_from,
         ((date_trunc('month', max(o.local_date)) + interval '1 month')::timestamp
           at time zone ws.time_zone) as end_instant
  from ws join orders o on o.workspace_id = ws.id
  group by ws.id, ws.time_zone
), firsts as (
  select distinct on (o.customer_id) o.customer_id, o.id
  from orders o join win on o.workspace_id = win.workspace_id
  where o.status <> 'cancelled'
  order by o.customer_id, o.ordered_at, o.id
), counted as (
  select o.customer_id, o.amount_fen, o.returned, f.id is null as is_repeat,
         case when c.joined_private_at <= win.end_instant
                and (c.left_private_at is null or c.left_private_at > win.end_instant)
              then 'private' else 'public' end as customer_group
  from orders o
  join win on o.workspace_id = win.workspace_id
  join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
  left join firsts f on f.customer_id = o.customer_id and f.id = o.id
  where o.status <> 'cancelled'
    and o.local_date >= win.window_from and o.local_date < win.window_to
)
select customer_group,
       count(distinct customer_id) as buyers,
       count(*) as orders,
       round(count(*)::numeric / count(distinct customer_id), 3) as purchase_frequency,
       round(avg(returned::int), 4) as return_rate,
       round(sum(amount_fen) filter (where is_repeat)::numeric / sum(amount_fen), 3)
         as repeat_revenue_share
from counted
group by customer_group
order by customer_group;

-- name: return_rate_ratio
with ws as (
  select id, time_zone from workspaces where slug = 'demo'
), win as (
  select ws.id as workspace_id,
         (date_trunc('month', max(o.local_date)) + interval '1 month')::date as window_to,
         ((date_trunc('month', max(o.local_date)) + interval '1 month')::timestamp
           at time zone ws.time_zone) as end_instant
  from ws join orders o on o.workspace_id = ws.id
  group by ws.id, ws.time_zone
), rates as (
  select avg(o.returned::int) filter (
           where c.joined_private_at <= win.end_instant
             and (c.left_private_at is null or c.left_private_at > win.end_instant)) as private_rate,
         avg(o.returned::int) filter (
           where not coalesce(c.joined_private_at <= win.end_instant
             and (c.left_private_at is null or c.left_private_at > win.end_instant), false))
           as public_rate
  from orders o
  join win on o.workspace_id = win.workspace_id
  join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
  where o.status <> 'cancelled'
    and o.local_date >= win.window_to - 365 and o.local_date < win.window_to
)
select round(private_rate, 4) as private_return_rate,
       round(public_rate, 4) as public_return_rate,
       round(private_rate / public_rate, 3) as return_rate_ratio
from rates;

-- name: cost_balance
-- Private gross profit credited by the default attribution rule (METRICS §4, share 0.5): a
-- first-ever order in a private channel counts half, a later order by a member (at order time)
-- in full. Cumulative from the launch month, the first month where profit ≥ cost.
with ws as (
  select id, private_launched_on from workspaces where slug = 'demo'
), firsts as (
  select distinct on (o.customer_id) o.customer_id, o.id
  from orders o join ws on o.workspace_id = ws.id
  where o.status <> 'cancelled'
  order by o.customer_id, o.ordered_at, o.id
), profit as (
  select date_trunc('month', o.local_date)::date as month,
         sum(case
               when f.id is not null then
                 case when o.domain = 'private' then coalesce(o.gross_profit_fen, 0) * 0.5 else 0 end
               when c.joined_private_at <= o.ordered_at
                 and (c.left_private_at is null or c.left_private_at > o.ordered_at)
                 then coalesce(o.gross_profit_fen, 0)
               else 0
             end) as private_gross_profit_fen
  from orders o
  join ws on o.workspace_id = ws.id
  join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
  left join firsts f on f.customer_id = o.customer_id and f.id = o.id
  where o.status <> 'cancelled'
  group by 1
), cost as (
  select month, sum(amount_fen) as private_cost_fen
  from costs join ws on costs.workspace_id = ws.id
  where domain = 'private'
  group by month
), months as (
  select generate_series(
           date_trunc('month', ws.private_launched_on),
           (select max(month) from profit),
           interval '1 month')::date as month
  from ws
), cumulative as (
  select m.month,
         row_number() over w as month_index,
         sum(coalesce(p.private_gross_profit_fen, 0)) over w as cumulative_profit_fen,
         sum(coalesce(k.private_cost_fen, 0)) over w as cumulative_cost_fen
  from months m
  left join profit p on p.month = m.month
  left join cost k on k.month = m.month
  window w as (order by m.month)
)
select min(month_index) filter (where cumulative_profit_fen >= cumulative_cost_fen)
         as cost_balance_month,
       round(max(cumulative_cost_fen) filter (where month_index = 6) / 100) as cost_at_month_6_yuan,
       round(max(cumulative_profit_fen) filter (where month_index = 6) / 100)
         as profit_at_month_6_yuan
from cumulative;

-- name: budget_split
-- Private spend excluding labor and fixed: traffic (cold start) / tools / trial vs 60/20/20.
select round(sum(amount_fen) filter (where category = 'traffic')::numeric / sum(amount_fen), 3)
         as traffic_share,
       round(sum(amount_fen) filter (where category = 'tools')::numeric / sum(amount_fen), 3)
         as tools_share,
       round(sum(amount_fen) filter (where category = 'trial')::numeric / sum(amount_fen), 3)
         as trial_share
from costs
where workspace_id = (select id from workspaces where slug = 'demo')
  and domain = 'private' and category in ('traffic', 'tools', 'trial');

-- name: public_cac
-- Public traffic cost of the last 12 months / new customers whose first-ever order was public.
with ws as (
  select id from workspaces where slug = 'demo'
), last_month as (
  select date_trunc('month', max(local_date))::date as month
  from orders where workspace_id = (select id from ws)
), firsts as (
  select distinct on (o.customer_id) o.customer_id, o.domain, o.local_date
  from orders o join ws on o.workspace_id = ws.id
  where o.status <> 'cancelled'
  order by o.customer_id, o.ordered_at, o.id
)
select round(
         (select sum(amount_fen) from costs, last_month
           where workspace_id = (select id from ws) and domain = 'public' and category = 'traffic'
             and costs.month > last_month.month - interval '12 months')::numeric / 100
         / (select count(*) from firsts, last_month
             where domain = 'public' and local_date >= last_month.month - interval '11 months'),
         2) as public_cac_yuan;

-- name: hollow_growth
-- Over the last 4 weeks (28 days): members trend up while the activity rate trends down.
with ws as (
  select id from workspaces where slug = 'demo'
), recent as (
  select d.group_id, d.date, d.members, d.active_members::numeric / nullif(d.members, 0) as rate
  from group_daily d join ws on d.workspace_id = ws.id
  where d.date >= (select max(date) from group_daily where workspace_id = ws.id) - 27
)
select g.external_id as group_id, g.name,
       round(regr_slope(r.members, r.date - date '2000-01-01')::numeric, 3) as members_per_day,
       round(regr_slope(r.rate, r.date - date '2000-01-01')::numeric, 5) as activity_rate_per_day
from recent r
join groups g on g.workspace_id = (select id from ws) and g.external_id = r.group_id
group by g.external_id, g.name
having count(*) >= 14
   and regr_slope(r.members, r.date - date '2000-01-01') > 0
   and regr_slope(r.rate, r.date - date '2000-01-01') < 0
order by g.external_id;

-- name: group_health
-- Internal accounts per 100 members and the share of messages they write (last 28 days).
select d.group_id,
       round(avg(d.internal_members * 100.0 / nullif(d.members, 0)), 1) as internal_per_100,
       round(sum(d.internal_messages)::numeric / nullif(sum(d.messages), 0), 3)
         as internal_message_share,
       round(avg(d.active_members::numeric / nullif(d.members, 0)), 3) as activity_rate
from group_daily d
where d.workspace_id = (select id from workspaces where slug = 'demo')
  and d.date >= (select max(date) from group_daily
                  where workspace_id = (select id from workspaces where slug = 'demo')) - 27
group by d.group_id
order by d.group_id;

-- name: cold_start
-- Groups created in the last two weeks, day by day: the first 48 h should be the liveliest.
select g.external_id as group_id, g.name, d.date, d.date - g.created_on as day,
       d.members, d.internal_members,
       round(d.active_members::numeric / nullif(d.members, 0), 3) as activity_rate
from groups g
join group_daily d on d.workspace_id = g.workspace_id and d.group_id = g.external_id
where g.workspace_id = (select id from workspaces where slug = 'demo')
  and g.created_on >= (select max(date) from group_daily
                        where workspace_id = (select id from workspaces where slug = 'demo')) - 13
order by g.external_id, d.date;

-- name: red_lines
-- Account-days over a red line (active adds > 10, passive adds > 30, mass sends > 1).
select count(*) as red_line_days,
       count(*) filter (where active_adds > 10) as active_add_days,
       count(*) filter (where passive_adds > 30) as passive_add_days,
       count(*) filter (where mass_sends > 1) as mass_send_days,
       count(distinct account_id) as accounts
from account_daily
where workspace_id = (select id from workspaces where slug = 'demo')
  and (active_adds > 10 or passive_adds > 30 or mass_sends > 1);

-- name: guide_rate
select round(sum(private_adds)::numeric / sum(viewers), 4) as guide_rate,
       round(min(private_adds::numeric / viewers), 4) as min_rate,
       round(max(private_adds::numeric / viewers), 4) as max_rate,
       count(*) as sessions
from live_sessions
where workspace_id = (select id from workspaces where slug = 'demo');

-- name: response
select count(*) as conversations,
       round(avg((first_response_at is not null
                  and first_response_at <= first_inbound_at + interval '48 hours')::int), 3)
         as response_rate_48h,
       round((percentile_cont(0.5) within group (
               order by extract(epoch from first_response_at - first_inbound_at) / 60))::numeric, 1)
         as median_response_minutes,
       count(*) filter (where first_response_at is null) as unanswered
from conversations
where workspace_id = (select id from workspaces where slug = 'demo');

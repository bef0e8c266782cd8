import { sql, type Kysely } from 'kysely';
import type { CostCategory, Database, Domain } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Additive order sums of the read model (rm_daily) for one window or month, in fen. */
export interface OrderSums {
  gmvFen: number;
  grossProfitFen: number;
  creditedPrivateFen: number;
  creditedPublicFen: number;
  privateChannelGmvFen: number;
}

const ZERO: OrderSums = {
  gmvFen: 0,
  grossProfitFen: 0,
  creditedPrivateFen: 0,
  creditedPublicFen: 0,
  privateChannelGmvFen: 0,
};

interface SumsRow {
  gmv_fen: number | null;
  gross_profit_fen: number | null;
  credited_private_fen: number | null;
  credited_public_fen: number | null;
  private_channel_gmv_fen: number | null;
}

const sumsSelect = sql`
  coalesce(sum(gmv_fen), 0)::bigint as gmv_fen,
  coalesce(sum(gross_profit_fen), 0)::bigint as gross_profit_fen,
  coalesce(sum(credited_private_fen), 0)::bigint as credited_private_fen,
  coalesce(sum(credited_public_fen), 0)::bigint as credited_public_fen,
  coalesce(sum(private_channel_gmv_fen), 0)::bigint as private_channel_gmv_fen`;

function sumsOf(row: SumsRow | undefined): OrderSums {
  if (!row) return ZERO;
  return {
    gmvFen: Number(row.gmv_fen ?? 0),
    grossProfitFen: Number(row.gross_profit_fen ?? 0),
    creditedPrivateFen: Number(row.credited_private_fen ?? 0),
    creditedPublicFen: Number(row.credited_public_fen ?? 0),
    privateChannelGmvFen: Number(row.private_channel_gmv_fen ?? 0),
  };
}

/** Order sums over the local dates [from, to), from the daily rollup. */
export async function orderSums(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<OrderSums> {
  const result = await sql<SumsRow>`
    select ${sumsSelect}
    from rm_daily
    where workspace_id = ${workspaceId}
      and local_date >= ${from}::date and local_date < ${to}::date`.execute(db);
  return sumsOf(result.rows[0]);
}

/** Order sums per calendar month ('YYYY-MM') for local dates before `to`. */
export async function monthlyOrderSums(
  db: Db,
  workspaceId: number,
  to: string,
): Promise<Map<string, OrderSums>> {
  const result = await sql<SumsRow & { month: string }>`
    select to_char(local_date, 'YYYY-MM') as month, ${sumsSelect}
    from rm_daily
    where workspace_id = ${workspaceId} and local_date < ${to}::date
    group by 1
    order by 1`.execute(db);
  return new Map(result.rows.map((row) => [row.month, sumsOf(row)]));
}

export interface CostRow {
  month: string;
  domain: Domain;
  category: CostCategory;
  amountFen: number;
}

/** Every monthly cost of the workspace (a small table), summed over notes. */
export async function monthlyCosts(db: Db, workspaceId: number): Promise<CostRow[]> {
  const result = await sql<{
    month: string;
    domain: Domain;
    category: CostCategory;
    amount_fen: number;
  }>`
    select to_char(month, 'YYYY-MM') as month, domain, category,
      sum(amount_fen)::bigint as amount_fen
    from costs
    where workspace_id = ${workspaceId}
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  return result.rows.map((r) => ({
    month: r.month,
    domain: r.domain,
    category: r.category,
    amountFen: Number(r.amount_fen),
  }));
}

export interface NewCustomers {
  /** Customers whose first counted order is on a local date in [from, to), by its domain. */
  public: number;
  private: number;
  /** Customers whose joined_private_at falls between the instants `from` and `to` begin. */
  members: number;
}

/** New customers and members of the local dates [from, to), from their per-day counts. */
export async function newCustomersAndMembers(
  db: Db,
  workspaceId: number,
  from: string,
  to: string,
): Promise<NewCustomers> {
  const result = await sql<{ public: number; private: number; members: number }>`
    select coalesce(sum(new_public_customers), 0)::bigint as public,
      coalesce(sum(new_private_customers), 0)::bigint as private,
      coalesce(sum(joined_private), 0)::bigint as members
    from rm_daily_customers
    where workspace_id = ${workspaceId}
      and local_date >= ${from}::date and local_date < ${to}::date`.execute(db);
  const row = result.rows[0];
  return {
    public: Number(row?.public ?? 0),
    private: Number(row?.private ?? 0),
    members: Number(row?.members ?? 0),
  };
}

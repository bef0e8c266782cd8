import type { Arm } from '@yugang/metrics';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface ExperimentRow {
  experiment_id: string;
  treatment: number;
  holdout: number;
  first_assigned_at: Date;
  last_assigned_at: Date;
}

export async function listExperiments(db: Db, workspaceId: number): Promise<ExperimentRow[]> {
  const { rows } = await sql<ExperimentRow>`
    select experiment_id,
      (count(*) filter (where arm = 'treatment'))::int as treatment,
      (count(*) filter (where arm = 'holdout'))::int as holdout,
      min(assigned_at) as first_assigned_at, max(assigned_at) as last_assigned_at
    from experiment_assignments where workspace_id = ${workspaceId}
    group by experiment_id
    order by min(assigned_at) desc, experiment_id`.execute(db);
  return rows;
}

export interface AssignedOutcome {
  arm: Arm;
  orders: number;
  gmv_fen: number;
  gross_profit_fen: number;
}

/**
 * Per assigned customer: counted orders, GMV and gross profit from the local day of assignment
 * for `days` days, before asOf (the read model's customer-day rows).
 */
export async function assignedOutcomes(
  db: Db,
  workspaceId: number,
  experimentId: string,
  options: { asOf: string; days: number },
): Promise<AssignedOutcome[]> {
  const { rows } = await sql<AssignedOutcome>`
    select a.arm, coalesce(sum(d.orders), 0)::int as orders,
      coalesce(sum(d.gmv_fen), 0)::bigint as gmv_fen,
      coalesce(sum(d.gross_profit_fen), 0)::bigint as gross_profit_fen
    from (
      select ea.customer_id, ea.arm, (ea.assigned_at at time zone w.time_zone)::date as day
      from experiment_assignments ea join workspaces w on w.id = ea.workspace_id
      where ea.workspace_id = ${workspaceId} and ea.experiment_id = ${experimentId}
    ) a
    left join rm_customer_day d on d.workspace_id = ${workspaceId}
      and d.customer_id = a.customer_id and d.local_date >= a.day
      and d.local_date < least(a.day + ${options.days}::int, ${options.asOf}::date)
    group by a.customer_id, a.arm`.execute(db);
  return rows;
}

/**
 * The bench's DuckDB baseline: the raw orders and customers exported once from Postgres (psql
 * \copy to CSV under the OS temp folder, reused while the order count is the same), loaded into
 * an in-memory DuckDB, and each summary window computed there from the raw rows (first order by
 * ordered_at then external id, groups at the window end, cancelled orders excluded), as
 * raw-queries.ts does on Postgres. checkAgainst compares its figures with the API's before any
 * timing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface WindowFigures {
  buyers: number;
  orders: number;
  gmvFen: number;
  repeatGmvFen: number;
  privateBuyers: number;
}

export interface DuckSummary {
  /** The window's figures; `endEpoch`: the window end's midnight in the workspace zone, seconds. */
  window(from: string, to: string, endEpoch: number): Promise<WindowFigures>;
  close(): void;
}

function exportCsv(url: string, query: string, file: string): void {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy (${query}) to '${file}' csv`], {
    stdio: 'inherit',
  });
}

export async function openDuckSummary(
  url: string,
  ws: number,
  orderCount: number,
  log: (line: string) => void,
): Promise<DuckSummary> {
  const base = path.join(tmpdir(), `yugang-bench-${ws}-${orderCount}`);
  const orders = `${base}-orders.csv`;
  const customers = `${base}-customers.csv`;
  const started = performance.now();
  if (!existsSync(orders) || !existsSync(customers)) {
    exportCsv(
      url,
      `select customer_id, extract(epoch from ordered_at)::float8, external_id, local_date, amount_fen,
        coalesce(gross_profit_fen, 0), returned, domain, status from orders where workspace_id = ${ws}`,
      orders,
    );
    exportCsv(
      url,
      `select id, extract(epoch from joined_private_at)::float8, extract(epoch from left_private_at)::float8
        from customers where workspace_id = ${ws}`,
      customers,
    );
  }
  const instance = await DuckDBInstance.create(':memory:');
  const c: DuckDBConnection = await instance.connect();
  await c.run(`create table orders as select * from read_csv('${orders}', header = false,
    columns = {'customer_id': 'BIGINT', 'ordered_at': 'DOUBLE', 'external_id': 'VARCHAR',
      'local_date': 'DATE', 'amount_fen': 'BIGINT', 'gross_profit_fen': 'BIGINT',
      'returned': 'BOOLEAN', 'domain': 'VARCHAR', 'status': 'VARCHAR'})`);
  await c.run(`create table customers as select * from read_csv('${customers}', header = false,
    columns = {'id': 'BIGINT', 'joined': 'DOUBLE', 'left_at': 'DOUBLE'})`);
  log(
    `duckdb: raw rows exported and loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    async window(from, to, endEpoch) {
      const reader = await c.runAndReadAll(
        `with counted as (
          select customer_id, local_date, amount_fen, row_number() over (partition by customer_id
            order by ordered_at, external_id) > 1 as is_repeat
          from orders where status <> 'cancelled'
        ), per as (
          select customer_id, count(*) as n, sum(amount_fen) as gmv,
            coalesce(sum(amount_fen) filter (where is_repeat), 0) as rep
          from counted where local_date >= $1::date and local_date < $2::date
          group by customer_id
        )
        select count(*)::double as buyers, sum(n)::double as orders, sum(gmv)::double as gmv,
          sum(rep)::double as rep,
          count(*) filter (where c.joined <= $3 and (c.left_at is null or c.left_at > $3))::double
            as private_buyers
        from per join customers c on c.id = per.customer_id`,
        [from, to, endEpoch],
      );
      const row = reader.getRowObjects()[0]!;
      return {
        buyers: Number(row.buyers),
        orders: Number(row.orders ?? 0),
        gmvFen: Number(row.gmv ?? 0),
        repeatGmvFen: Number(row.rep ?? 0),
        privateBuyers: Number(row.private_buyers ?? 0),
      };
    },
    close() {
      c.closeSync();
    },
  };
}

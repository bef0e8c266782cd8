/**
 * What happens to a file's staged rows once every row has parsed: the checks across rows
 * (duplicates in the file, unknown references, rules between fields) and the upsert by the
 * natural key into the base table. Both run in the import's transaction (imports.service.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import type { HeaderMap } from './header-map.js';
import { MAX_STORED_ERRORS, type ErrorCollector } from './import-errors.js';
import { stageColumns, type KindSpec } from './kinds/index.js';

/** What the set steps read of the import. */
interface SetContext {
  spec: KindSpec;
  workspace: Workspace;
  errors: ErrorCollector;
}

interface Problem {
  line: number;
  column: string | null;
  reason: string;
  total: number;
}

/** Checks across rows: duplicates in the file, unknown references, rules between fields. */
export async function checkSet(
  db: Kysely<Database>,
  ctx: SetContext,
  header: HeaderMap,
): Promise<void> {
  const { spec, workspace, errors } = ctx;
  const ws = workspace.id;
  const label = (field: string) => header.labels[spec.fields.findIndex((f) => f.name === field)]!;
  const lineQueries: string[] = [];
  const collect = async (query: string, lineQuery: string) => {
    const result = await sql.raw<Problem>(query).execute(db);
    for (const problem of result.rows) {
      errors.add({ line: problem.line, column: problem.column, reason: problem.reason });
    }
    if (result.rows.length > 0) {
      errors.total += Number(result.rows[0]!.total) - result.rows.length;
      lineQueries.push(lineQuery);
    }
  };
  const keyCols = spec.key.map((k) => keyColumn(spec, k));
  const hasDuplicates = await sql
    .raw<{ found: boolean }>(
      `select exists (select 1 from stage s group by ${keyCols.join(', ')} having count(*) > 1) as found`,
    )
    .execute(db);
  if (hasDuplicates.rows[0]?.found) {
    const keyText = keyCols.map((c) => `coalesce(${c}::text, '')`).join(` || ' / ' || `);
    const dupes = `select line, key, first_line from (
        select s.line, ${keyText} as key,
               first_value(s.line) over (partition by ${keyCols.join(', ')} order by s.line) as first_line
        from stage s) d where line <> first_line`;
    await collect(
      `select line, ${lit(label(spec.key[0]!))} as "column",
              'duplicate ${spec.key.join(' + ')} ' || key || ' (first on line ' || first_line || ')' as reason,
              count(*) over () as total
       from (${dupes}) x order by line limit ${MAX_STORED_ERRORS}`,
      `select line from (${dupes}) x`,
    );
  }
  for (const ref of spec.references) {
    const where = `s.${ref.field} is not null and not exists (
        select 1 from ${ref.table} x where x.workspace_id = ${ws} and x.${ref.column} = s.${ref.field})
      ${ref.orInFile ? `and not exists (select 1 from stage s2 where s2.${ref.orInFile} = s.${ref.field})` : ''}`;
    const hint = ref.orInFile
      ? ' (neither in this file nor imported before)'
      : `: import ${ref.table} first`;
    await collect(
      `select s.line, ${lit(label(ref.field))} as "column",
              'unknown ${ref.what} ' || s.${ref.field} || ${lit(hint)} as reason,
              count(*) over () as total
       from stage s where ${where} order by s.line limit ${MAX_STORED_ERRORS}`,
      `select s.line from stage s where ${where}`,
    );
  }
  for (const check of spec.sqlChecks) {
    const from = `stage s cross join workspaces w where w.id = ${ws} and (${check.breaks})`;
    await collect(
      `select s.line, ${lit(label(check.field))} as "column", ${lit(check.reason)} as reason,
              count(*) over () as total
       from ${from} order by s.line limit ${MAX_STORED_ERRORS}`,
      `select s.line from ${from}`,
    );
  }
  if (lineQueries.length > 0) {
    const rows = await sql
      .raw<{ n: number }>(
        `select count(distinct line)::int as n from (${lineQueries.join(' union all ')}) l`,
      )
      .execute(db);
    errors.rows += rows.rows[0]?.n ?? 0;
  }
}

function keyColumn(spec: KindSpec, field: string): string {
  const f = spec.fields.find((x) => x.name === field)!;
  return `s.${stageColumns(f)[0]![0]}`;
}

/**
 * Where an import of orders or customers leaves what the read model must absorb, for
 * applyOrderChanges: temp tables filled by the merge's own statements, so a million ids never
 * pass through JavaScript (parsing them back and sending them again as a parameter held the event
 * loop for seconds).
 */
export const CHANGED = {
  /** Customers recomputed from their whole history (updated, moved from, new customers). */
  customers: 'import_changed_customers',
  /** Orders inserted: the read model may absorb them alone. */
  newOrders: 'import_new_orders',
} as const;

/** Whether importing this kind changes the read model (its customers or their orders). */
export function changesReadModel(spec: KindSpec): boolean {
  return spec.kind === 'orders' || spec.kind === 'customers';
}

/** Creates the CHANGED tables for this transaction (before anything writes to them). */
export async function createChangeTables(db: Kysely<Database>): Promise<void> {
  for (const table of Object.values(CHANGED)) {
    await sql.raw(`create temp table ${table} (id bigint not null) on commit drop`).execute(db);
  }
}

/**
 * Upsert by the natural key; only columns the file has are updated; unchanged rows untouched.
 * For orders and customers, what changed is written to the CHANGED tables.
 */
export async function merge(
  db: Kysely<Database>,
  ctx: SetContext,
  header: HeaderMap,
): Promise<{ inserted: number; updated: number }> {
  const { spec, workspace } = ctx;
  const ws = String(workspace.id);
  const m = spec.merge;
  for (const statement of m.before ?? []) {
    await sql.raw(statement.replaceAll('$ws', ws)).execute(db);
  }
  const targets = m.columns.map((c) => c.column);
  const updates = m.columns.filter(
    (c) => header.present.has(c.field) && !m.conflict.includes(c.column),
  );
  // One pass over the stored rows the file names: which stage lines exist already, and whether
  // their values change. Then the new rows go in with a plain INSERT (no per-row speculative
  // insertion or conflict check) and only the changed ones through an UPDATE; unchanged rows are
  // never touched (ON CONFLICT would lock and write WAL for every existing row).
  const exprOf = (column: string) => m.columns.find((c) => c.column === column)!.expr;
  const keyMatch = m.conflict
    .map((column) =>
      column === 'workspace_id' ? 't.workspace_id = w.id' : `t.${column} = ${exprOf(column)}`,
    )
    .join(' and ');
  const same =
    updates.length === 0
      ? 'true'
      : `(${updates.map((c) => `t.${c.column}`).join(', ')}) is not distinct from
         (${updates.map((c) => c.expr).join(', ')})`;
  const movedAway =
    spec.kind === 'orders'
      ? `case when t.customer_id <> ${exprOf('customer_id')} then t.customer_id end`
      : 'null::bigint';
  await sql
    .raw(
      `create temp table stage_existing on commit drop as
       select s.line, ${same} as same, ${movedAway} as moved_from from ${m.from}
       join ${spec.table} t on ${keyMatch}
       where w.id = ${ws}`,
    )
    .execute(db);
  // Customers whose orders move away also change (found in the same pass, before the update).
  if (spec.kind === 'orders') {
    await sql
      .raw(
        `insert into ${CHANGED.customers}
         select distinct moved_from from stage_existing where moved_from is not null`,
      )
      .execute(db);
  }
  // Inserted orders go to the read model by id; inserted customers and the customers of updated
  // rows are recomputed whole (applyOrderChanges sorts out a customer found both ways).
  const changed = (table: string, column: string) =>
    `, changed as (insert into ${table} select ${column} from m)`;
  const insertedTo =
    spec.kind === 'orders'
      ? { returning: 'id', into: changed(CHANGED.newOrders, 'id') }
      : spec.kind === 'customers'
        ? { returning: 'id', into: changed(CHANGED.customers, 'id') }
        : { returning: '1', into: '' };
  // New rows first: an updated row may refer to one of them (accounts.backup_of).
  const inserted = await sql
    .raw<{ n: number }>(
      `with m as (
         insert into ${spec.table} (workspace_id, ${targets.join(', ')})
         select w.id, ${m.columns.map((c) => c.expr).join(', ')}
         from ${m.from}
         where w.id = ${ws} and not exists (select 1 from stage_existing e where e.line = s.line)
         returning ${insertedTo.returning} as id
       )${insertedTo.into} select count(*)::int as n from m`,
    )
    .execute(db);
  let updated = 0;
  if (updates.length > 0) {
    const keys = m.conflict.filter((c) => c !== 'workspace_id');
    const customer =
      spec.kind === 'orders' ? 't.customer_id' : spec.kind === 'customers' ? 't.id' : null;
    const result = await sql
      .raw<{ n: number }>(
        `with m as (
           update ${spec.table} t set ${updates.map((c) => `${c.column} = v.${c.column}`).join(', ')}
           from (select ${[...new Set([...keys, ...updates.map((c) => c.column)])]
             .map((column) => `${exprOf(column)} as ${column}`)
             .join(', ')}
                 from ${m.from}
                 join stage_existing e on e.line = s.line and not e.same
                 where w.id = ${ws}) v
           where t.workspace_id = ${ws} and ${keys.map((k) => `t.${k} = v.${k}`).join(' and ')}
           returning ${customer ?? '1'} as id
         )${customer ? changed(CHANGED.customers, 'id') : ''} select count(*)::int as n from m`,
      )
      .execute(db);
    updated = result.rows[0]?.n ?? 0;
  }
  return { inserted: inserted.rows[0]?.n ?? 0, updated };
}

/** A SQL string literal. */
function lit(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

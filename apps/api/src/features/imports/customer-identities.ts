/**
 * One customer across ids: every identifier an import has seen for a customer (the brand's own
 * id, a phone's keyed hash, a platform buyer id such as `youzan:…`) is kept in
 * customer_identities, so a later row carrying any one of them lands on that customer. Runs in
 * the import's transaction, over the stage: `resolveCustomers` before the checks (a staged
 * customer_id becomes the external id of the customer it names), `recordIdentities` after the
 * merge (what the file taught us about who is who).
 *
 * A row names its customer by customer_id first, then by phone. Within one file, a row that has
 * only a phone takes the customer id written beside the same phone on another row. Two customers
 * already stored are never merged: when a row's id and phone point at different customers, the
 * id wins and the phone stays with the customer it was first seen on.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { KindSpec } from './kinds/index.js';
import { PRESETS } from './presets/index.js';

/** Prefixes of platform buyer ids (presets/order-rows.ts `buyerId`, the WeCom list). */
const PLATFORMS = [...new Set([...PRESETS.flatMap((p) => p.channel?.code ?? []), 'wecom'])];

/** The kind of an identifier, told by its shape (phones are only ever stored as `ph_` + hash). */
const KIND_OF = (column: string) =>
  `case when ${column} ~ '^ph_[0-9a-f]{40}$' then 'phone'
        when ${column} ~ '^(${PLATFORMS.join('|')}):' then 'platform' else 'external' end`;

const hasField = (spec: KindSpec, name: string) => spec.fields.some((f) => f.name === name);

/** Whether rows of this kind name a customer (and so are resolved through their identifiers). */
export function namesCustomers(spec: KindSpec): boolean {
  return hasField(spec, 'customer_id');
}

/**
 * Rewrites each staged row's customer_id to the external id of the customer its identifiers
 * name; rows naming no known customer get the id they will be created under (their customer id,
 * else the id beside their phone elsewhere in the file, else the phone's hash).
 */
export async function resolveCustomers(
  db: Kysely<Database>,
  spec: KindSpec,
  workspaceId: number,
): Promise<void> {
  const ws = Number(workspaceId);
  const phone = hasField(spec, 'phone');
  await sql
    .raw(
      `create temp table stage_ids on commit drop as
       select line, customer_id as value from stage where customer_id is not null
       ${phone ? 'union all select line, phone from stage where phone is not null' : ''}`,
    )
    .execute(db);
  // The known customer of each identifier the file has, with the id it is shown by.
  await sql
    .raw(
      `create temp table stage_known on commit drop as
       with v as (select distinct value from stage_ids)
       select v.value, c.id as customer, c.external_id as external
       from v join customer_identities ci on ci.workspace_id = ${ws} and ci.value = v.value
       join customers c on c.workspace_id = ${ws} and c.id = ci.customer_id
       union all
       select v.value, c.id, c.external_id
       from v join customers c on c.workspace_id = ${ws} and c.external_id = v.value
       where not exists (
         select 1 from customer_identities ci where ci.workspace_id = ${ws} and ci.value = v.value)`,
    )
    .execute(db);
  await sql.raw('create unique index on stage_known (value)').execute(db);
  if (phone) {
    // Rows whose customer id is missing or new, but whose phone is known.
    await sql
      .raw(
        `update stage s set customer_id = k.external from stage_known k
         where k.value = s.phone and s.customer_id is distinct from k.external and (
           s.customer_id is null
           or not exists (select 1 from stage_known i where i.value = s.customer_id))`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `update stage s set customer_id = k.external from stage_known k
       where k.value = s.customer_id and k.external <> s.customer_id`,
    )
    .execute(db);
  if (phone) {
    await sql
      .raw(
        `update stage s set customer_id = p.id
         from (select phone, min(customer_id) as id from stage
               where phone is not null and customer_id is not null group by phone) p
         where s.customer_id is null and s.phone = p.phone`,
      )
      .execute(db);
    await sql.raw('update stage set customer_id = phone where customer_id is null').execute(db);
  }
}

/** Remembers every identifier of the file for the customer its row landed on. */
export async function recordIdentities(db: Kysely<Database>, workspaceId: number): Promise<void> {
  const ws = Number(workspaceId);
  await sql
    .raw(
      `insert into customer_identities (workspace_id, value, kind, customer_id)
       select ${ws}, i.value, ${KIND_OF('i.value')}, c.id
       from (select distinct on (value) value, line from stage_ids order by value, line) i
       join stage s on s.line = i.line
       join customers c on c.workspace_id = ${ws} and c.external_id = s.customer_id
       on conflict (workspace_id, value) do nothing`,
    )
    .execute(db);
}

import type { ResponseOf } from '@yugang/contract';
import type { channelsContract } from '@yugang/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The workspace's channels private first, then by code, with how many orders each holds. */
export async function listChannels(
  db: Kysely<Database>,
  workspaceId: number,
): Promise<ResponseOf<typeof channelsContract.list>> {
  const rows = await db
    .selectFrom('channels as ch')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('orders')
          .select(['channel', (o) => o.fn.countAll<string>().as('orders')])
          .where('workspace_id', '=', workspaceId)
          .groupBy('channel')
          .as('o'),
      (join) => join.onRef('o.channel', '=', 'ch.code'),
    )
    .select(['ch.code', 'ch.name', 'ch.domain', 'ch.kind', 'ch.commission_rate', 'o.orders'])
    .where('ch.workspace_id', '=', workspaceId)
    .orderBy('ch.domain')
    .orderBy('ch.code')
    .execute();
  return {
    channels: rows.map((r) => ({
      code: r.code,
      name: r.name,
      domain: r.domain,
      kind: r.kind,
      commissionRate: r.commission_rate === null ? null : Number(r.commission_rate),
      orders: Number(r.orders ?? 0),
    })),
  };
}

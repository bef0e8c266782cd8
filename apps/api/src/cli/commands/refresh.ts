import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { rebuildReadModel } from '../../read-model/read-model.refresh.js';
import { getWorkspace } from '../../features/workspaces/workspaces.service.js';
import { UsageError } from '../context.js';

export const usage = 'yg refresh <slug>   (rebuild the read model the dashboards read)';

export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [slug, ...rest] = positionals;
  if (!slug || rest.length > 0) throw new UsageError(usage);
  const workspace = await getWorkspace(handle.db, slug);
  const result = await rebuildReadModel(handle, workspace.id);
  console.log(
    `read model of ${workspace.slug} rebuilt: ${result.customers} customers in ${(result.ms / 1000).toFixed(1)} s`,
  );
}

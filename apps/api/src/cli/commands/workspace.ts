import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { createWorkspace } from '../../features/workspaces/workspaces.service.js';
import { UsageError } from '../context.js';

export const usage =
  'yg workspace create <slug> <name> [--time-zone Asia/Shanghai] [--launched YYYY-MM-DD]';

export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'time-zone': { type: 'string' }, launched: { type: 'string' } },
  });
  const [action, slug, ...nameParts] = positionals;
  if (action !== 'create' || !slug || nameParts.length === 0) throw new UsageError(usage);
  const workspace = await createWorkspace(handle.db, {
    slug,
    name: nameParts.join(' '),
    timeZone: values['time-zone'],
    privateLaunchedOn: values.launched ?? null,
  });
  console.log(`workspace ${workspace.slug} created (time zone ${workspace.time_zone})`);
}

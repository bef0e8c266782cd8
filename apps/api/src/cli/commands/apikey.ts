import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/database.js';
import { createApiKey } from '../../features/api-keys/api-keys.service.js';
import { getWorkspace } from '../../features/workspaces/workspaces.service.js';
import { UsageError } from '../context.js';

export const usage = 'yg apikey create <slug> [--name <name>] [--read-only]';

/** Prints only the key on stdout, so scripts can capture it: KEY=$(pnpm yg apikey create demo). */
export async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, 'read-only': { type: 'boolean' } },
  });
  const [action, slug] = positionals;
  if (action !== 'create' || !slug) throw new UsageError(usage);
  const workspace = await getWorkspace(handle.db, slug);
  const { key } = await createApiKey(handle.db, {
    workspaceId: workspace.id,
    name: values.name,
    readOnly: values['read-only'] ?? false,
  });
  process.stdout.write(key + '\n');
}

import type { DatabaseHandle } from './db/database.js';
import { loadDemo } from './demo/load-demo.js';
import { DEMO_SLUG } from './demo/story.js';
import { addMember } from './features/users/users.service.js';
import { findWorkspace } from './features/workspaces/workspaces.service.js';

export const DEMO_LOGIN = { email: 'demo@yugang.local', password: 'yugang-demo' } as const;

/**
 * First start on a fresh data folder: load the demo workspace and a demo owner so the dashboard
 * has something to show. Later starts find the workspace and do nothing.
 */
export async function ensureDemoWorkspace(
  handle: DatabaseHandle,
  log: (line: string) => void,
  options: { customers?: number } = {},
): Promise<void> {
  if (await findWorkspace(handle.db, DEMO_SLUG)) return;
  log('First start: loading the demo workspace (about 20,000 customers)…');
  const result = await loadDemo(handle, {
    customers: options.customers,
    onProgress: (step, rows, seconds) =>
      log(
        `  ${step}${rows > 0 ? `: ${rows.toLocaleString('en')} rows` : ''} (${seconds.toFixed(1)} s)`,
      ),
  });
  await addMember(handle.db, {
    ...DEMO_LOGIN,
    workspaceId: result.workspaceId,
    role: 'owner',
    name: 'Demo',
  });
  log(`Demo workspace loaded in ${result.seconds.toFixed(1)} s.`);
}

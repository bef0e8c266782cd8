import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from './db/database.js';
import type { Database } from './db/schema.js';
import { UPLOAD_ROOT } from './features/imports/upload.js';
import { loadDemo } from './demo/load-demo.js';
import { DEMO_SLUG, demoEndToday } from './demo/story.js';
import { addMember } from './features/members/add-member.js';
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
    endDate: demoEndToday(),
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

/**
 * At start-up, an import still marked running was cut off (crash, kill -9, a SIGTERM past its
 * deadline, a database restart): its transaction rolled back, so no row of it landed. It is
 * marked failed with the reason, so nobody waits for it and a retry is safe. Only imports that
 * started before this process count (a CLI import started since may be alive).
 */
export async function closeInterruptedImports(
  db: Kysely<Database>,
  startedBefore: Date = processStart,
): Promise<number> {
  const closed = await db
    .updateTable('imports')
    .set({
      status: 'failed',
      message:
        'interrupted: the process running this import stopped before it finished; nothing of it was saved, import the file again · 导入中断:进程在完成前停止,未保存任何数据,请重新导入',
      finished_at: new Date(),
    })
    .where('status', '=', 'running')
    .where('started_at', '<', startedBefore)
    .executeTakeFirst();
  return Number(closed.numUpdatedRows);
}

const processStart = new Date(Date.now() - process.uptime() * 1000);

/**
 * At start-up, before any upload: removes upload temp folders of processes that are no longer
 * alive, and this pid's own (a previous process with the same pid); returns files removed.
 */
export async function removeStaleUploads(root: string = UPLOAD_ROOT): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const pid = /^\d+$/.test(entry) ? Number(entry) : undefined;
    // Our own pid's folder is stale too at start-up (a container restarts as pid 1 again).
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) continue;
    const target = path.join(root, entry);
    if (pid === undefined) {
      // A loose file from before per-process folders: only when nobody touched it for an hour.
      const info = await stat(target).catch(() => undefined);
      if (!info || Date.now() - info.mtimeMs < 3_600_000) continue;
      removed += 1;
    } else {
      removed += (await readdir(target).catch(() => [])).length;
    }
    await rm(target, { recursive: true, force: true });
  }
  return removed;
}

/** True when a process with this pid exists (EPERM: it exists but is someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

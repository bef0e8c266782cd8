/**
 * `yg backup <dir>` / `yg restore <dir>` for the embedded database: a copy of the closed PGlite
 * data folder, taken with the folder's lock held (pglite-lock.ts), so no process writes while
 * it is copied and the copy opens as it was. PostgreSQL has its own tools: pg_dump / pg_restore
 * (docs/reliability.md).
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { acquireFolderLock } from '../../db/pglite-lock.js';
import { resolveFromUser, UsageError } from '../context.js';

export const backupUsage =
  'yg backup <dir>    (embedded database: copy the data folder; stop the server first)';
export const restoreUsage =
  'yg restore <dir>   (embedded database: replace the data folder with a backup; the old one is kept aside)';

const POSTGRES_HINT =
  'DATABASE_URL is set: back up PostgreSQL with pg_dump -Fc "$DATABASE_URL" -f yugang.dump, restore with pg_restore --clean --if-exists -d "$DATABASE_URL" yugang.dump';

function folders(args: string[], config: Config, usage: string) {
  if (config.DATABASE_URL) throw new UsageError(POSTGRES_HINT);
  const [dir, ...rest] = args;
  if (!dir || rest.length > 0) throw new UsageError(usage);
  return { target: resolveFromUser(dir), dataDir: resolveFromUser(config.YUGANG_DATA_DIR) };
}

const isPgliteFolder = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

export async function backup(args: string[], config: Config): Promise<void> {
  const { target, dataDir } = folders(args, config, backupUsage);
  if (!isPgliteFolder(dataDir)) throw new UsageError(`no embedded database at ${dataDir}`);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`${target} is not empty: name a new folder`);
  }
  const lock = acquireFolderLock(dataDir, 'yg backup');
  try {
    cpSync(dataDir, target, { recursive: true, errorOnExist: true });
  } finally {
    lock.release();
  }
  console.log(`backed up ${dataDir} to ${target}`);
}

export async function restore(args: string[], config: Config): Promise<void> {
  const { target: source, dataDir } = folders(args, config, restoreUsage);
  if (!isPgliteFolder(source))
    throw new UsageError(`${source} is not a backup of an embedded database`);
  const lock = acquireFolderLock(dataDir, 'yg restore');
  let aside: string | undefined;
  try {
    if (existsSync(dataDir)) {
      aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, aside);
    }
    cpSync(source, dataDir, { recursive: true });
  } catch (error) {
    if (aside) {
      rmSync(dataDir, { recursive: true, force: true });
      renameSync(aside, dataDir);
    }
    throw error;
  } finally {
    lock.release();
  }
  // Prove it opens (this takes the lock again for the moment it is open).
  const handle = await openDatabase({ dataDir });
  await handle.close();
  console.log(
    `restored ${dataDir} from ${source}${aside ? `; the previous folder is kept at ${aside}` : ''}`,
  );
}

import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { useServerSecret } from '../features/imports/identity.js';

/** Where the user ran `pnpm …` (pnpm runs scripts inside apps/api). */
export const userCwd = process.env.INIT_CWD ?? process.cwd();

export function resolveFromUser(file: string): string {
  return path.resolve(userCwd, file);
}

export async function openConfiguredDatabase(
  config: Config = loadConfig(),
): Promise<DatabaseHandle> {
  // The server and every CLI command hash phone numbers with the same key.
  useServerSecret(config.YUGANG_SECRET);
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: resolveFromUser(config.YUGANG_DATA_DIR),
  });
  await migrateToLatest(handle.db);
  return handle;
}

export class UsageError extends Error {}

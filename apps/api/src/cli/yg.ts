import { AppError } from '../errors/app-error.js';
import type { DatabaseHandle } from '../db/database.js';
import { loadConfig, type Config } from '../config.js';
import { DataFolderLockedError } from '../db/pglite-lock.js';
import { openConfiguredDatabase, UsageError } from './context.js';
import * as folder from './commands/backup.js';
import * as apikey from './commands/apikey.js';
import * as demo from './commands/demo.js';
import * as importFile from './commands/import.js';
import * as refresh from './commands/refresh.js';
import * as user from './commands/user.js';
import * as workspace from './commands/workspace.js';

interface Command {
  usage: string;
  run(args: string[], handle: DatabaseHandle): Promise<void>;
}

const commands: Record<string, Command> = {
  workspace,
  user,
  apikey,
  import: importFile,
  demo,
  refresh,
};

/** Commands on the data folder itself: they hold its lock but never open the database. */
const folderCommands: Record<
  string,
  { usage: string; run(args: string[], config: Config): Promise<void> }
> = {
  backup: { usage: folder.backupUsage, run: folder.backup },
  restore: { usage: folder.restoreUsage, run: folder.restore },
};

function help(): string {
  return [
    'usage:',
    ...[...Object.values(commands), ...Object.values(folderCommands)].map((c) => `  ${c.usage}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  const folderCommand = name ? folderCommands[name] : undefined;
  if (folderCommand) {
    try {
      await folderCommand.run(args, loadConfig());
      return 0;
    } catch (error) {
      return reportKnown(error);
    }
  }
  if (!command) {
    console.error(help());
    return name && name !== '--help' ? 2 : 0;
  }
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openConfiguredDatabase();
    await command.run(args, handle);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) return reportKnown(error);
    if (error instanceof DataFolderLockedError) return reportKnown(error);
    if (
      error instanceof Error &&
      error.name === 'TypeError' &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`usage: ${error.message}\n${command.usage}`);
      return 2;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

function reportKnown(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`usage: ${error.message}`);
    return 2;
  }
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`);
    return 1;
  }
  if (error instanceof DataFolderLockedError) {
    console.error(`error: ${error.message}`);
    return 3;
  }
  throw error;
}

process.exitCode = await main(process.argv.slice(2));

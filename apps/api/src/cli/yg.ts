import { AppError } from '../errors/app-error.js';
import type { DatabaseHandle } from '../db/database.js';
import { openConfiguredDatabase, UsageError } from './context.js';
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

function help(): string {
  return ['usage:', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
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
    if (error instanceof UsageError) {
      console.error(`usage: ${error.message}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
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

process.exitCode = await main(process.argv.slice(2));

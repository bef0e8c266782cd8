import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createProcessDatabase } from './test-database.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/yg.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliEnvironment {
  /** Runs `yg …` as its own process, as a user would, and never throws on a non-zero exit. */
  yg(...args: string[]): Promise<CliResult>;
  cleanup(): Promise<void>;
}

/** A migrated database of its own for CLI runs (test-database.ts's createProcessDatabase). */
export async function createCliEnvironment(): Promise<CliEnvironment> {
  const { env: databaseEnv, cleanup } = await createProcessDatabase();
  const env = { ...process.env, YUGANG_DEMO: 'off', ...databaseEnv };
  return {
    async yg(...args) {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as CliResult;
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    cleanup,
  };
}

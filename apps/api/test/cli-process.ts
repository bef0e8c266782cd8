import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchDatabase } from './test-database.js';

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

/**
 * A database of its own for CLI runs: a scratch database on TEST_DATABASE_URL's server, or a
 * PGlite data folder in a temp directory.
 */
export async function createCliEnvironment(): Promise<CliEnvironment> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl);
    env = { ...process.env, DATABASE_URL: scratch.url, YUGANG_DEMO: 'off' };
    cleanup = scratch.drop;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yugang-cli-'));
    env = { ...process.env, DATABASE_URL: '', YUGANG_DATA_DIR: dataDir, YUGANG_DEMO: 'off' };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
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

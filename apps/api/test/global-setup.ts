/**
 * Once per `vitest run` of the api project, in the main process: a folder the test files share
 * for what is made once per run (./run-once.ts: the migrated template databases, the built web
 * app). At the end it is removed, and the template databases made on TEST_DATABASE_URL's server
 * are dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropRunTemplates } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder ./run-once.ts builds in. */
    runDir: string;
    /** Names this run's template databases on TEST_DATABASE_URL's server. */
    runId: string;
  }
}

export default function setup(project: TestProject) {
  const runDir = mkdtempSync(path.join(tmpdir(), 'yugang-test-run-'));
  const runId = randomBytes(4).toString('hex');
  project.provide('runDir', runDir);
  project.provide('runId', runId);
  return async () => {
    rmSync(runDir, { recursive: true, force: true });
    if (process.env.TEST_DATABASE_URL) await dropRunTemplates(process.env.TEST_DATABASE_URL, runId);
  };
}

import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDemoWorkspace } from '../src/bootstrap.js';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { oncePerRun } from './run-once.js';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the handle and drops the throwaway database (real Postgres) or deletes its folder. */
  dispose(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** With the demo workspace as `ensureDemoWorkspace` loads it, with this many customers. */
  demoCustomers?: number;
}

interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on TEST_DATABASE_URL's server: empty, or a copy of `template` (a
 * database nobody is connected to).
 */
async function createScratchDatabase(
  serverUrl: string,
  template?: string,
): Promise<ScratchDatabase> {
  const name = `yugang_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * A fresh, migrated database for one test file: a new database on TEST_DATABASE_URL's server
 * when that is set, else a PGlite data folder of its own. Call dispose() in afterAll, or the
 * process hangs.
 *
 * Each is a copy of a template migrated once per run (pgliteTemplate, postgresTemplate): PGlite's
 * initdb and every migration, again in each test file, cost more than most files' own tests.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = await pgliteTemplate(options);
    const parent = mkdtempSync(path.join(tmpdir(), 'yugang-test-db-'));
    const dataDir = path.join(parent, 'data');
    cpSync(template, dataDir, { recursive: true });
    const handle = await openDatabase({ dataDir });
    return {
      ...handle,
      dispose: async () => {
        try {
          await handle.close();
        } finally {
          rmSync(parent, { recursive: true, force: true });
        }
      },
    };
  }
  const scratch = await createScratchDatabase(
    serverUrl,
    await postgresTemplate(serverUrl, options),
  );
  const handle = await openDatabase({ url: scratch.url, poolSize: 4 });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

export interface ProcessDatabase {
  /** DATABASE_URL, or YUGANG_DATA_DIR with DATABASE_URL empty: for a process's environment. */
  env: { DATABASE_URL: string; YUGANG_DATA_DIR?: string };
  /** The PGlite data folder; undefined on Postgres. */
  dataDir: string | undefined;
  cleanup(): Promise<void>;
}

/**
 * A database for real processes (a server, `yg`): a scratch database on TEST_DATABASE_URL's
 * server, else a PGlite data folder in a temp folder of its own (beside it its lock file and any
 * restore leftovers). A copy of the run's migrated template, or empty with `fresh`, so the first
 * process runs initdb and every migration itself.
 */
export async function createProcessDatabase(
  options: { fresh?: boolean } = {},
): Promise<ProcessDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = options.fresh ? undefined : await postgresTemplate(serverUrl);
    const scratch = await createScratchDatabase(serverUrl, template);
    return { env: { DATABASE_URL: scratch.url }, dataDir: undefined, cleanup: scratch.drop };
  }
  const parent = mkdtempSync(path.join(tmpdir(), 'yugang-proc-'));
  const dataDir = path.join(parent, 'data');
  if (!options.fresh) cpSync(await pgliteTemplate(), dataDir, { recursive: true });
  return {
    env: { DATABASE_URL: '', YUGANG_DATA_DIR: dataDir },
    dataDir,
    cleanup: async () => rmSync(parent, { recursive: true, force: true }),
  };
}

/**
 * The run's migrated PGlite data folder (with the demo when asked), to copy. The demo one starts
 * as a copy of the migrated one.
 */
export function pgliteTemplate(options: TestDatabaseOptions = {}): Promise<string> {
  return oncePerRun(`pglite-${templateKey(options)}`, async (target) => {
    if (options.demoCustomers) cpSync(await pgliteTemplate(), target, { recursive: true });
    const handle = await openDatabase({ dataDir: target });
    try {
      await fill(handle, options);
    } finally {
      await handle.close();
    }
  });
}

/** The name of the run's migrated template database on the server (with the demo when asked). */
export async function postgresTemplate(
  serverUrl: string,
  options: TestDatabaseOptions = {},
): Promise<string> {
  const name = `yugang_template_${inject('runId')}_${templateKey(options)}`;
  await oncePerRun(`postgres-${templateKey(options)}`, async () => {
    const base = options.demoCustomers ? await postgresTemplate(serverUrl, {}) : undefined;
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    await adminQuery(serverUrl, `create database ${name}${base ? ` template ${base}` : ''}`);
    // More than one connection: the demo loader queries beside its open transaction.
    const handle = await openDatabase({ url: databaseUrl(serverUrl, name), poolSize: 4 });
    try {
      await fill(handle, options);
    } finally {
      await handle.close();
    }
  });
  return name;
}

/** Drops the template databases a run made (test/global-setup.ts, at the end of the run). */
export async function dropRunTemplates(serverUrl: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`yugang_template_${runId}_%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await client.end();
  }
}

async function fill(handle: DatabaseHandle, options: TestDatabaseOptions): Promise<void> {
  if (options.demoCustomers) {
    await ensureDemoWorkspace(handle, () => {}, { customers: options.demoCustomers });
  } else {
    await migrateToLatest(handle.db);
  }
}

function templateKey(options: TestDatabaseOptions): string {
  return options.demoCustomers ? `demo${options.demoCustomers}` : 'migrated';
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

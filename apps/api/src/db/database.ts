import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Database } from './schema.js';
import { acquireFolderLock } from './pglite-lock.js';
import { toCsvLine, type CopyValue } from './csv-line.js';

export type Engine = 'postgres' | 'pglite';

export type { CopyValue };
export type CopyRows = Iterable<CopyValue[]> | AsyncIterable<CopyValue[]>;

/**
 * Rows already written as COPY's CSV text (whole lines, each ending in a newline; text fields
 * escaped with `csvText` of ./csv-line.ts, NULL as an empty unquoted field), in chunks of text
 * or UTF-8 bytes: for a caller that builds the lines as it reads, without a value array per row.
 */
export class CopyText {
  constructor(readonly chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>) {}
}

export interface Transaction {
  db: Kysely<Database>;
  /** Bulk-loads rows with COPY on the transaction's own connection; returns the row count. */
  copyFrom(table: string, columns: readonly string[], rows: CopyRows | CopyText): Promise<number>;
}

export interface DatabaseHandle {
  engine: Engine;
  db: Kysely<Database>;
  /** One transaction with COPY available; everything in fn commits together or not at all. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects the pg pool; undefined selects embedded PGlite. */
  url?: string | undefined;
  /** Data folder for PGlite; undefined keeps it in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

// int8 (20) and numeric (1700) as numbers: fen totals stay far below 2^53.
// date (1082) as the plain 'YYYY-MM-DD' text, never shifted by the process time zone.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parseNumber = (value: string) => Number(value);
/** Connections for long write transactions (DatabaseHandle.transaction), beside the pool. */
const BULK_CONNECTIONS = 4;
const keepText = (value: string) => value;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10)
    : openPglite(options.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return parseNumber;
      if (oid === DATE) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const newPool = (config: pg.PoolConfig) => {
    const created = new pg.Pool({
      connectionString: url,
      types,
      // JIT off: the dashboards' scans are short, and compiling them cost more than it saved
      // (254 of 578 ms of a 28-day window's scan and 370 ms of a team-KPI query at 3M customers,
      // decision 0010).
      options: '-c jit=off',
      ...config,
    });
    // A connection the server drops (restart, pg_terminate_backend, network) makes its client
    // emit `error`; an `error` event nobody listens to would end the process. Idle clients are
    // the pool's (it replaces them); a checked-out client's query fails on its own, and the pool
    // discards the client when it comes back unqueryable. So both only need a listener.
    created.on('error', () => {});
    created.on('connect', (client) => {
      client.on('error', () => {});
    });
    return created;
  };
  const pool = newPool({
    max: poolSize,
    // While the database is down a request waits at most this long for a connection, then
    // answers 503 database_unavailable instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  // transaction() (imports, rebuilds, the demo load) holds its connection for the whole
  // transaction, minutes for a million rows: it takes it from a pool of its own, so it neither
  // leaves the requests one connection short nor waits behind them (with the request pool busy,
  // an import could fail after the 5 s wait above). A transaction beyond these waits its turn.
  const bulkPool = newPool({ max: BULK_CONNECTIONS });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    async transaction(fn) {
      const client = await bulkPool.connect();
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      // A Kysely bound to this one client, so its queries and COPY share the transaction.
      const single = {
        connect: async () => ({ query: client.query.bind(client), release() {} }),
        end: async () => {},
      };
      const txDb = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }),
      });
      try {
        await client.query('begin');
        const result = await fn({
          db: txDb,
          copyFrom: async (table, columns, rows) => {
            const stream = client.query(
              copyStreams.from(
                `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`,
              ),
            );
            await pipeline(Readable.from(csvLines(rows)), stream);
            return Number(stream.rowCount ?? 0);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        if (!broken) await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose connection broke is discarded rather than handed to the next caller.
        client.release(broken);
      }
    },
    close: async () => {
      await Promise.all([db.destroy(), bulkPool.end()]);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  // One process per data folder (pglite-lock.ts): refused here, before PGlite touches a file.
  const lock = dataDir ? acquireFolderLock(dataDir) : undefined;
  let pglite: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir, {
      parsers: { [INT8]: parseNumber, [NUMERIC]: parseNumber, [DATE]: keepText },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    engine: 'pglite',
    db,
    transaction: (fn) =>
      // The PGlite driver serialises connections, so while this transaction holds the only
      // connection, the direct COPY below runs inside it and nothing else interleaves.
      db.transaction().execute((trx) =>
        fn({
          db: trx,
          copyFrom: async (table, columns, rows) => {
            const parts: (string | Buffer)[] = [];
            for await (const line of csvLines(rows)) parts.push(line);
            if (parts.length === 0) return 0;
            const result = await pglite.query(
              `copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`,
              [],
              { blob: new Blob(parts) },
            );
            return result.affectedRows ?? 0;
          },
        }),
      ),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

async function* csvLines(rows: CopyRows | CopyText): AsyncGenerator<string | Buffer> {
  if (rows instanceof CopyText) {
    yield* rows.chunks;
    return;
  }
  // Batch lines into ~64 KB chunks: one stream write per row is slow.
  let chunk = '';
  for await (const row of rows) {
    chunk += toCsvLine(row);
    if (chunk.length >= 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

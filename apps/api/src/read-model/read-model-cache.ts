/**
 * One in-memory cache for answers derived from a workspace's data, keyed on its version: the read
 * model's (`rm_state`: order watermark, last rebuild, last delta) and the workspace's latest
 * successful import (costs, conversations and the other kinds outside the read model). Every
 * refresh or import makes a new version, so an entry can never be stale; the entries of a workspace's older versions are dropped as soon as
 * a newer version is computed. Bounded LRU: by entry count and by an approximate byte weight the
 * caller gives per value (per-customer arrays at millions of customers weigh tens of MB).
 *
 * Used by predicted LTV, tiers, summary scans, ROI and team KPIs; a concurrent request for a key being computed waits for the
 * same computation (and counts as served from cache).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

/** The data's version: changes whenever a rebuild, a delta refresh or an import lands. */
export async function readModelVersion(db: Db, workspaceId: number): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    select coalesce((select order_watermark::text || '|' || rebuilt_at::text || '|'
        || updated_at::text from rm_state where workspace_id = ${workspaceId}), 'none')
      || '|' || coalesce((select max(id) from imports where workspace_id = ${workspaceId}
        and status = 'succeeded'), 0)::text as version`.execute(db);
  return rows[0]?.version ?? 'none';
}

/**
 * The version of what people edit on the charts without changing the data: the workspace's goals
 * and annotations (a digest of their rows, so an edit or a removal counts as well as an addition).
 */
export async function editsVersion(db: Db, workspaceId: number): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    select coalesce((select md5(string_agg(g::text, ',' order by g.id)) from goals g
        where g.workspace_id = ${workspaceId}), '')
      || '|' || coalesce((select md5(string_agg(a::text, ',' order by a.id)) from annotations a
        where a.workspace_id = ${workspaceId}), '') as version`.execute(db);
  return rows[0]?.version ?? '';
}

interface Entry {
  workspaceId: number;
  version: string;
  value: Promise<unknown>;
  /** Bytes, known once the value has resolved (0 until then). */
  weight: number;
}

export interface ReadModelCacheLimits {
  maxEntries: number;
  /** Upper bound of the summed weights, bytes. */
  maxWeight: number;
}

export class ReadModelCache {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;
  /** Gets answered from the cache and computed, since the start (the warm-up's tests read them). */
  private hits = 0;
  private misses = 0;
  /**
   * When true, every get computes afresh and keeps nothing (the bench's uncached figures; the
   * server sets it for both caches from YUGANG_READ_MODEL_CACHE=off).
   */
  bypass = false;

  constructor(private readonly limits: ReadModelCacheLimits) {}

  /**
   * compute() once per (workspace, read-model version, kind, parts); `weigh` estimates the bytes
   * the value holds (default 1 KB). `cached` is true when the value was already there or being
   * computed by another request.
   */
  async get<T>(
    db: Db,
    workspaceId: number,
    kind: string,
    parts: readonly (string | number)[],
    compute: () => Promise<T>,
    weigh: (value: T) => number = () => 1024,
  ): Promise<{ value: T; cached: boolean; version: string }> {
    const version = await readModelVersion(db, workspaceId);
    return this.getAt(version, workspaceId, kind, parts, compute, weigh);
  }

  /** As get, for a version the caller has just read (one look-up serves several entries). */
  async getAt<T>(
    version: string,
    workspaceId: number,
    kind: string,
    parts: readonly (string | number)[],
    compute: () => Promise<T>,
    weigh: (value: T) => number = () => 1024,
  ): Promise<{ value: T; cached: boolean; version: string }> {
    if (this.bypass) return { value: await compute(), cached: false, version };
    const key = [workspaceId, version, kind, ...parts].join('\u0000');
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { value: (await hit.value) as T, cached: true, version };
    }
    this.misses++;
    this.dropOtherVersions(workspaceId, version);
    const entry: Entry = { workspaceId, version, value: compute(), weight: 0 };
    this.entries.set(key, entry);
    let value: T;
    try {
      value = (await entry.value) as T;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
    if (this.entries.get(key) === entry) {
      entry.weight = Math.max(0, weigh(value));
      this.weight += entry.weight;
    }
    this.evict(key);
    return { value, cached: false, version };
  }

  /** Entries held, their summed weight (bytes), and the gets answered from it and computed. */
  stats(): { entries: number; weight: number; hits: number; misses: number } {
    return {
      entries: this.entries.size,
      weight: this.weight,
      hits: this.hits,
      misses: this.misses,
    };
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  private dropOtherVersions(workspaceId: number, version: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.workspaceId === workspaceId && entry.version !== version) this.remove(key);
    }
  }

  /** Least recently used first, until within both limits; `keep` (just computed) goes last. */
  private evict(keep: string): void {
    for (const key of [...this.entries.keys()]) {
      if (this.entries.size <= this.limits.maxEntries && this.weight <= this.limits.maxWeight) {
        return;
      }
      if (key !== keep) this.remove(key);
    }
    if (this.weight > this.limits.maxWeight) this.remove(keep);
  }
}

/** The process-wide cache: 64 answers, 512 MB of per-customer arrays. */
export const readModelCache = new ReadModelCache({ maxEntries: 64, maxWeight: 512 * 2 ** 20 });

/**
 * Serialised answers of the routes whose contract says `cache: 'data'` (route kit), apart from
 * the computed values above so that many small answers never push out a model fit or the tiers.
 */
export const answerCache = new ReadModelCache({ maxEntries: 512, maxWeight: 64 * 2 ** 20 });

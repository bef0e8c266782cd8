/**
 * After an import lands, the server computes the default answers of the pages in the background
 * (every kept route's answer to a request with no query string — the default review week among
 * them — the cached requests each page makes when opened with no search params (`pageRequests`
 * of @yugang/contract, the presets the pages read), the default tiers and predicted LTV, all
 * anchored on the latest data day), so the lead who opens the dashboard after loading data is not
 * the one who pays for them: at 3M customers the first call after a change costs 0.5–10 s for
 * those answers and minutes for tiers (decision 0010), and each import starts a new read-model
 * version. The answers land in the per-version caches (read-model-cache.ts) that the endpoints
 * read.
 *
 * Imports and refreshes made by another process (the CLI, a second server) and a restart are
 * caught by `watch`: the server polls every workspace's data version every few seconds (one
 * small query) and warms each one whose version changed since the last poll, every workspace at
 * the first poll (start-up).
 *
 * Imports often come in bursts (a script ingesting 10k rows at a time): the warm-up runs once the
 * workspace has been quiet for `delayMs`, one at a time per workspace, and a request that comes
 * first simply computes the answer itself (a concurrent request waits for the same computation).
 */
import { pageRequests, resolveAsOf } from '@yugang/contract';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import { cachedPredictedLtv } from '../features/ltv/ltv-predicted.service.js';
import { cachedTiers } from '../features/tiers/tiers.service.js';
import { warmAnswers, type RouteDefinition } from '../http/route.js';
import { anchorDay, dataFreshness } from '../read-model/freshness.js';
import { readModelVersion } from '../read-model/read-model-cache.js';

export class DashboardWarmer {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly running = new Map<number, Promise<void>>();
  /** The data version of each workspace at the last poll. */
  private readonly seen = new Map<number, string>();
  private poller: NodeJS.Timeout | undefined;
  private routes: readonly RouteDefinition[] = [];
  private polling: Promise<number[]> | undefined;
  private stopped = false;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly delayMs = 2_000,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** The routes whose default answers each warm-up computes (createApp passes its list). */
  warmRoutes(routes: readonly RouteDefinition[]): void {
    this.routes = routes;
  }

  /** Warm the workspace's dashboard once it has had no import for `delayMs`. */
  schedule(workspaceId: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(workspaceId));
    const timer = setTimeout(() => {
      this.timers.delete(workspaceId);
      const previous = this.running.get(workspaceId) ?? Promise.resolve();
      const run = previous
        .then(() =>
          this.stopped
            ? undefined
            : warmDashboard(this.handle, workspaceId, {
                routes: this.routes,
                stopped: () => this.stopped,
              }),
        )
        .catch((error: unknown) => {
          if (!this.stopped) {
            this.log(`dashboard warm-up of workspace ${workspaceId} failed: ${String(error)}`);
          }
        })
        .finally(() => {
          if (this.running.get(workspaceId) === run) this.running.delete(workspaceId);
        });
      this.running.set(workspaceId, run);
    }, this.delayMs);
    // A pending warm-up never keeps the process alive.
    timer.unref();
    this.timers.set(workspaceId, timer);
  }

  /**
   * Schedules the warm-up of every workspace whose data version changed since the last poll
   * (all of them at the first); returns their ids. One poll at a time.
   */
  poll(): Promise<number[]> {
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async pollOnce(): Promise<number[]> {
    if (this.stopped) return [];
    // The same parts as readModelVersion (read-model-cache.ts), for every workspace at once.
    const { rows } = await sql<{ id: number | string; version: string }>`
      select w.id, coalesce(s.order_watermark::text || '|' || s.rebuilt_at::text || '|'
          || s.updated_at::text, 'none') || '|' || coalesce((select max(i.id) from imports i
          where i.workspace_id = w.id and i.status = 'succeeded'), 0)::text as version
      from workspaces w left join rm_state s on s.workspace_id = w.id`.execute(this.handle.db);
    const changed: number[] = [];
    for (const row of rows) {
      const id = Number(row.id);
      if (this.seen.get(id) === row.version) continue;
      this.seen.set(id, row.version);
      changed.push(id);
      this.schedule(id);
    }
    return changed;
  }

  /** Polls now (the start-up warm-up) and then every `intervalMs`. */
  watch(intervalMs = 5_000): void {
    if (this.stopped || this.poller) return;
    const tick = () => {
      this.poll().catch((error: unknown) => {
        if (!this.stopped) this.log(`dashboard warm-up poll failed: ${String(error)}`);
      });
    };
    tick();
    this.poller = setInterval(tick, intervalMs);
    this.poller.unref();
  }

  /** Resolves when nothing is scheduled or running (tests). */
  async settled(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.all(this.running.values());
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Drops what is scheduled and waits for a running warm-up (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    this.poller = undefined;
    await this.polling?.catch(() => undefined);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running.values());
  }
}

export interface WarmOptions {
  /** The app's routes: the default answer of each kept GET is computed (route kit). */
  routes?: readonly RouteDefinition[];
  /** True once the warm-up must end (the server is shutting down). */
  stopped?: () => boolean;
  now?: Date;
}

/**
 * Computes the default answers of a workspace's pages into the caches the requests read: every
 * kept route's answer to a request with no query string and each page's first cached requests
 * (through the route kit, so the same window, handler and cache entry; the default review week
 * among them), then the default tiers and
 * predicted LTV (minutes at 3M when a version is new, so last). One at a time; ends early when
 * stopped or when the data version moves (the next poll warms the new version).
 */
export async function warmDashboard(
  handle: DatabaseHandle,
  workspaceId: number,
  { routes = [], stopped = () => false, now = new Date() }: WarmOptions = {},
): Promise<void> {
  const { db } = handle;
  const workspace = await db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!workspace) return;
  const version = await readModelVersion(db, workspaceId);
  const proceed = async () => !stopped() && (await readModelVersion(db, workspaceId)) === version;
  // The same day the routes and the pages count from: the latest data day, not the clock.
  const latestDay = anchorDay(await dataFreshness(db, workspace.id), workspace, now);
  const pages = pageRequests(latestDay).map(({ route, query }) => ({
    method: route.method,
    path: route.path,
    query,
  }));
  // The review and the trends are among them (`cache: 'data+edits'`).
  await warmAnswers(handle, routes, workspace, version, proceed, pages);
  if (!(await proceed())) return;
  const asOf = resolveAsOf({}, latestDay);
  await cachedTiers(db, workspace, asOf);
  if (!(await proceed())) return;
  // The LTV page's default (12 months): its model was just computed for the tiers.
  await cachedPredictedLtv(db, workspace, { asOf, horizonMonths: 12 });
}

/**
 * After an import lands, the server computes the dashboard's default answers in the background
 * (the default 28 days' summary, ROI and team KPIs, and the default tiers: the windows the
 * routes resolve when none is given, anchored on the latest data day), so the lead who opens the
 * dashboard after loading data is not the one who pays for them: at 3M customers the first call
 * after a change costs 0.5–2.4 s for those windows and ~30 s for tiers (decision 0003), and each
 * import starts a new read-model version. The answers land in the per-version cache
 * (read-model-cache.ts) that the endpoints read.
 *
 * Imports often come in bursts (a script ingesting 10k rows at a time): the warm-up runs once the
 * workspace has been quiet for `delayMs`, one at a time per workspace, and a request that comes
 * first simply computes the answer itself (a concurrent request waits for the same computation).
 */
import { resolveAsOf, resolveWindow } from '@yugang/contract';
import type { DatabaseHandle } from '../db/database.js';
import { anchorDay, dataFreshness } from '../read-model/freshness.js';
import { cachedRoi } from '../features/roi/roi.service.js';
import { summary } from '../features/summary/summary.service.js';
import { cachedTeamKpis } from '../features/team-kpis/team-kpis.service.js';
import { cachedTiers } from '../features/tiers/tiers.service.js';

export class DashboardWarmer {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly running = new Map<number, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly delayMs = 2_000,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** Warm the workspace's dashboard once it has had no import for `delayMs`. */
  schedule(workspaceId: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(workspaceId));
    const timer = setTimeout(() => {
      this.timers.delete(workspaceId);
      const previous = this.running.get(workspaceId) ?? Promise.resolve();
      const run = previous
        .then(() => (this.stopped ? undefined : warmDashboard(this.handle, workspaceId)))
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
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running.values());
  }
}

/** Computes the default dashboard answers of a workspace into the per-version cache. */
export async function warmDashboard(
  handle: DatabaseHandle,
  workspaceId: number,
  now: Date = new Date(),
): Promise<void> {
  const { db } = handle;
  const workspace = await db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!workspace) return;
  // The same defaults the routes resolve: anchored on the latest data day, not the clock.
  const latestDay = anchorDay(await dataFreshness(db, workspace.id), workspace, now);
  const window = resolveWindow({}, latestDay);
  await summary(db, workspace, window);
  await cachedRoi(db, workspace, window);
  await cachedTeamKpis(db, workspace, window);
  await cachedTiers(db, workspace, resolveAsOf({}, latestDay));
}

/**
 * Live sessions (guide rate, 000 Q6: 直播间引导加粉率≥5%) and 1:1 conversations between members
 * and staff accounts (48小时响应率, 000 Q6).
 */
import type { CopyValue } from '../db/database.js';
import type { DemoAccount } from './generate-accounts.js';
import { demoCustomer } from './generate-customers.js';
import { Random } from './random.js';
import { STORY } from './story.js';
import { DAY_MS, localDayNumber, type Timeline } from './timeline.js';

const L = STORY.live;
const V = STORY.conversations;

export const LIVE_SESSION_COLUMNS = [
  'workspace_id',
  'external_id',
  'channel',
  'started_at',
  'viewers',
  'private_adds',
];

export const CONVERSATION_COLUMNS = [
  'workspace_id',
  'external_id',
  'customer_id',
  'account_id',
  'first_inbound_at',
  'first_response_at',
];

export interface DemoLiveSession {
  externalId: string;
  channel: 'douyin' | 'tmall';
  startedMs: number;
  viewers: number;
  privateAdds: number;
}

export function* liveSessions(
  seed: number,
  count: number,
  t: Timeline,
): Generator<DemoLiveSession> {
  const rng = Random.for(seed, 9, 0);
  const launchDay = localDayNumber(t.launchMs);
  const endDay = localDayNumber(t.endMs);
  const median = (L.viewersMedianPer1000Customers * count) / 1000;
  let n = 0;
  for (let week = launchDay; week + 7 <= endDay; week += 7) {
    for (const channel of ['douyin', 'tmall'] as const) {
      for (let s = 0; s < L.sessionsPerWeek[channel]; s += 1) {
        const day = week + (channel === 'tmall' ? 5 : s * 2 + 1);
        // 19:30–20:30 Shanghai.
        const startedMs = day * DAY_MS - 8 * 3_600_000 + 19.5 * 3_600_000 + rng.int(0, 60) * 60_000;
        const viewers = Math.max(20, Math.round(rng.lognormal(median, 0.6)));
        const rate = Math.min(
          L.guideRateMax,
          Math.max(L.guideRateMin, rng.normal(L.guideRateMean, 0.015)),
        );
        n += 1;
        yield {
          externalId: `L${String(n).padStart(5, '0')}`,
          channel,
          startedMs,
          viewers,
          privateAdds: Math.round(viewers * rate),
        };
      }
    }
  }
}

export function* liveSessionRows(
  workspaceId: number,
  seed: number,
  count: number,
  t: Timeline,
): Generator<CopyValue[]> {
  for (const s of liveSessions(seed, count, t)) {
    yield [
      workspaceId,
      s.externalId,
      s.channel,
      new Date(s.startedMs).toISOString(),
      s.viewers,
      s.privateAdds,
    ];
  }
}

/**
 * One conversation for most members, opened in their first days as members, with the main
 * account that serves them (round robin over accounts registered by then).
 */
export function* conversationRows(
  workspaceId: number,
  seed: number,
  count: number,
  t: Timeline,
  accounts: readonly DemoAccount[],
  from = 1,
  to = count,
): Generator<CopyValue[]> {
  const mains = accounts
    .filter((a) => a.backupOf === null)
    .map((a) => ({ id: a.externalId, fromMs: Date.parse(`${a.registeredAt}T00:00:00Z`) }));
  const oldest = mains.reduce((a, b) => (b.fromMs < a.fromMs ? b : a));
  for (let id = from; id <= to; id += 1) {
    const c = demoCustomer(seed, id, count, t);
    if (c.joinedMs === null) continue;
    const rng = Random.for(seed, 10, id);
    if (!rng.chance(V.perMember)) continue;
    const inbound = c.joinedMs + Math.round(rng.exponential(3) * DAY_MS);
    if (inbound >= t.endMs) continue;
    let account = mains[id % mains.length] ?? oldest;
    if (account.fromMs > inbound) account = oldest;
    let response: number | null;
    const u = rng.next();
    if (u < V.unansweredShare) response = null;
    else if (u < V.unansweredShare + V.lateShare)
      response = inbound + (48 + rng.exponential(30)) * 3_600_000;
    else
      response =
        inbound + Math.round(rng.lognormal(V.responseMedianMinutes, V.responseSigma) * 60_000);
    if (response !== null && response >= t.endMs) response = null;
    yield [
      workspaceId,
      `V${id}`,
      id,
      account.id,
      new Date(inbound).toISOString(),
      response === null ? null : new Date(Math.round(response)).toISOString(),
    ];
  }
}

/**
 * Staff accounts and their daily activity (METRICS §6; 000 Q10). Twelve main WeCom accounts,
 * most with a backup (备用账号矩阵: 主账号和备用号分流添加请求), a few registered in the last 90
 * days; daily adds and mass sends inside the red lines (新号每天主动添加3-5人, 被动添加≤30,
 * 群发≤1次/天) except on a handful of days where a young account crosses them.
 * Not scaled by --customers: a team has a dozen accounts whatever the customer base.
 */
import type { CopyValue } from '../db/database.js';
import { Random } from './random.js';
import { STORY } from './story.js';
import { dayNumberToDate, localDayNumber, type Timeline } from './timeline.js';

const A = STORY.accounts;

export const ACCOUNT_COLUMNS = [
  'workspace_id',
  'external_id',
  'kind',
  'registered_at',
  'backup_of',
];
export const ACCOUNT_DAILY_COLUMNS = [
  'workspace_id',
  'account_id',
  'date',
  'active_adds',
  'passive_adds',
  'mass_sends',
  'complaints',
];

export interface DemoAccount {
  externalId: string;
  kind: 'wecom';
  registeredAt: string;
  backupOf: string | null;
  young: boolean;
}

export function demoAccounts(seed: number, t: Timeline): DemoAccount[] {
  const rng = Random.for(seed, 6, 0);
  const launchDay = localDayNumber(t.launchMs);
  const endDay = localDayNumber(t.endMs);
  const accounts: DemoAccount[] = [];
  const mains: DemoAccount[] = [];
  for (let i = 1; i <= A.mainAccounts; i += 1) {
    // The first four were registered before the launch; the youngest main account is new.
    const young = i === A.mainAccounts;
    const day = young
      ? endDay - rng.int(40, 80)
      : i <= 4
        ? launchDay - rng.int(30, 200)
        : launchDay + Math.floor(((endDay - 200 - launchDay) * (i - 4)) / (A.mainAccounts - 4));
    const account: DemoAccount = {
      externalId: `wecom-${String(i).padStart(2, '0')}`,
      kind: 'wecom',
      registeredAt: dayNumberToDate(day),
      backupOf: null,
      young,
    };
    mains.push(account);
    accounts.push(account);
  }
  for (let i = 1; i <= A.withBackup; i += 1) {
    const main = mains[i - 1]!;
    const young = i > A.withBackup - (A.young - 1);
    const mainDay = Math.round(Date.parse(`${main.registeredAt}T00:00:00Z`) / 86_400_000);
    const day = young ? endDay - rng.int(20, 85) : Math.max(mainDay + rng.int(10, 120), launchDay);
    accounts.push({
      externalId: `wecom-${String(i).padStart(2, '0')}-backup`,
      kind: 'wecom',
      registeredAt: dayNumberToDate(Math.min(day, endDay - 20)),
      backupOf: main.externalId,
      young,
    });
  }
  return accounts;
}

export interface DemoAccountDay {
  accountId: string;
  date: string;
  activeAdds: number;
  passiveAdds: number;
  massSends: number;
  complaints: number;
}

export function* accountDays(
  seed: number,
  accounts: readonly DemoAccount[],
  t: Timeline,
): Generator<DemoAccountDay> {
  const endDay = localDayNumber(t.endMs);
  const launchDay = localDayNumber(t.launchMs);
  const young = accounts.filter((a) => a.young);
  // The red-line days: on young accounts, in their last weeks; one of each kind at least.
  const redLines = new Map<string, 'active' | 'passive' | 'mass'>();
  const kinds = ['active', 'passive', 'mass'] as const;
  const pickRng = Random.for(seed, 7, 0);
  for (let i = 0; i < A.redLineDays; i += 1) {
    const account = young[i % young.length];
    if (!account) break;
    const day = endDay - pickRng.int(2, 18);
    redLines.set(`${account.externalId}|${day}`, kinds[i % kinds.length]!);
  }
  for (const [index, account] of accounts.entries()) {
    const rng = Random.for(seed, 8, index);
    const registered = Math.round(Date.parse(`${account.registeredAt}T00:00:00Z`) / 86_400_000);
    for (let day = Math.max(registered, launchDay); day < endDay; day += 1) {
      const ageDays = day - registered;
      const isNew = ageDays < 90;
      const backup = account.backupOf !== null;
      // Inside the red lines: new accounts add 3–5 a day, older ones a few more.
      let activeAdds = Math.min(isNew ? 6 : 10, rng.poisson(isNew ? 3.5 : backup ? 3 : 6));
      let passiveAdds = Math.min(30, rng.poisson(backup ? 6 : 14));
      let massSends = rng.chance(0.45) ? 1 : 0;
      const complaints = rng.chance(0.02) ? 1 : 0;
      switch (redLines.get(`${account.externalId}|${day}`)) {
        case 'active':
          activeAdds = rng.int(14, 26);
          break;
        case 'passive':
          passiveAdds = rng.int(36, 60);
          break;
        case 'mass':
          massSends = rng.int(2, 3);
          break;
      }
      yield {
        accountId: account.externalId,
        date: dayNumberToDate(day),
        activeAdds,
        passiveAdds,
        massSends,
        complaints,
      };
    }
  }
}

export function* accountRows(
  workspaceId: number,
  accounts: readonly DemoAccount[],
): Generator<CopyValue[]> {
  // Main accounts first: a backup references its main account.
  for (const a of accounts) yield [workspaceId, a.externalId, a.kind, a.registeredAt, a.backupOf];
}

export function* accountDailyRows(
  workspaceId: number,
  seed: number,
  accounts: readonly DemoAccount[],
  t: Timeline,
): Generator<CopyValue[]> {
  for (const d of accountDays(seed, accounts, t)) {
    yield [
      workspaceId,
      d.accountId,
      d.date,
      d.activeAdds,
      d.passiveAdds,
      d.massSends,
      d.complaints,
    ];
  }
}

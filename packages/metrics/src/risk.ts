/**
 * Account risk (METRICS.md §6; seed 000 Q10): per-account daily red lines, sensitive words,
 * the backup-account matrix and the monthly compliance rate behind the 合规奖金.
 *
 * Decisions:
 * - The add limits are for new accounts: registered less than `newAccountDays` (90) days before
 *   the day judged (day 0 = the registration date). An account whose registration date is
 *   unknown is not treated as new, unless `treatUnknownAgeAsNew` is set.
 * - The mass-send limit (群发 ≤ 1 次/天) is, like the add limits, a red line for new accounts:
 *   METRICS.md lists it under "Red lines (new accounts…)" and the seed under 针对个微的新号.
 *   Because the seed also names 群发广告频次过高 as a ban cause in general, a workspace can widen
 *   it with `massSendScope: 'all_accounts'`.
 * - 'advice' is the softer level: a new account adding more than 5 people actively (3–5 are
 *   recommended) but not more than 10.
 */
import { ratio, type Evidence } from './evidence.js';
import type { AccountDayRecord, AccountRecord, DateWindow } from './records.js';
import { daysBetween, inWindow, monthOf } from './time.js';

export interface RiskSettings {
  newAccountDays: number;
  /** Alert when a new account's active adds in a day exceed this. */
  activeAddsAlert: number;
  /** Advice when a new account's active adds in a day exceed this (3–5 recommended). */
  activeAddsAdvice: number;
  /** Alert when a new account's passive adds in a day exceed this. */
  passiveAddsAlert: number;
  /** Alert when mass sends in a day exceed this. */
  massSendsAlert: number;
  massSendScope: 'all_accounts' | 'new_accounts';
  /** Alert when complaints in a day exceed this; null: no complaint rule (the seed gives none). */
  complaintsAlert: number | null;
  treatUnknownAgeAsNew: boolean;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  newAccountDays: 90,
  activeAddsAlert: 10,
  activeAddsAdvice: 5,
  passiveAddsAlert: 30,
  massSendsAlert: 1,
  massSendScope: 'new_accounts',
  complaintsAlert: null,
  treatUnknownAgeAsNew: false,
};

export type RiskRule = 'active_adds' | 'passive_adds' | 'mass_sends' | 'complaints';
export type RiskLevel = 'alert' | 'advice';

export interface RiskAlert {
  accountId: string;
  date: string;
  rule: RiskRule;
  level: RiskLevel;
  value: number;
  /** The value exceeded. */
  limit: number;
  /** Whether the account counted as new that day. */
  newAccount: boolean;
}

function isNew(account: AccountRecord | undefined, date: string, settings: RiskSettings): boolean {
  if (!account || account.registeredAt === null) return settings.treatUnknownAgeAsNew;
  const age = daysBetween(account.registeredAt, date);
  return age >= 0 && age < settings.newAccountDays;
}

/** The alerts and advice raised by one account-day. */
export function accountDayAlerts(
  day: AccountDayRecord,
  account: AccountRecord | undefined,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): RiskAlert[] {
  const newAccount = isNew(account, day.date, settings);
  const alerts: RiskAlert[] = [];
  const raise = (rule: RiskRule, level: RiskLevel, value: number, limit: number): void => {
    alerts.push({
      accountId: day.accountId,
      date: day.date,
      rule,
      level,
      value,
      limit,
      newAccount,
    });
  };
  if (newAccount) {
    if (day.activeAdds > settings.activeAddsAlert) {
      raise('active_adds', 'alert', day.activeAdds, settings.activeAddsAlert);
    } else if (day.activeAdds > settings.activeAddsAdvice) {
      raise('active_adds', 'advice', day.activeAdds, settings.activeAddsAdvice);
    }
    if (day.passiveAdds > settings.passiveAddsAlert) {
      raise('passive_adds', 'alert', day.passiveAdds, settings.passiveAddsAlert);
    }
  }
  if (
    (newAccount || settings.massSendScope === 'all_accounts') &&
    day.massSends > settings.massSendsAlert
  ) {
    raise('mass_sends', 'alert', day.massSends, settings.massSendsAlert);
  }
  if (settings.complaintsAlert !== null && day.complaints > settings.complaintsAlert) {
    raise('complaints', 'alert', day.complaints, settings.complaintsAlert);
  }
  return alerts;
}

/**
 * Alerts and advice for every account-day, sorted by date, account and rule. Days of accounts
 * missing from `accounts` are judged with an unknown age.
 */
export function riskAlerts(
  accounts: readonly AccountRecord[],
  accountDays: readonly AccountDayRecord[],
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): RiskAlert[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const alerts = accountDays.flatMap((d) => accountDayAlerts(d, byId.get(d.accountId), settings));
  const key = (a: RiskAlert): string => `${a.date}\u0000${a.accountId}\u0000${a.rule}`;
  return alerts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * risk_alerts for a window: account-days in [from, to) with at least one alert (advice not
 * counted). A day that breaks two red lines counts once.
 */
export function riskAlertDays(
  accounts: readonly AccountRecord[],
  accountDays: readonly AccountDayRecord[],
  window: DateWindow,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): number {
  const days = new Set<string>();
  for (const a of riskAlerts(
    accounts,
    accountDays.filter((d) => inWindow(d.date, window)),
    settings,
  )) {
    if (a.level === 'alert') days.add(`${a.accountId}\u0000${a.date}`);
  }
  return days.size;
}

/**
 * Default sensitive words. 金融 and 投资 are the seed's examples (“金融”“投资” 等高风险词); the rest
 * are common compliance words of the same kind (finance promises, loans, fake orders, absolute
 * claims banned by the Advertising Law). Workspaces edit the list.
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = [
  '金融',
  '投资',
  '理财',
  '贷款',
  '借贷',
  '保本',
  '稳赚',
  '高收益',
  '刷单',
  '最低价',
  '国家级',
];

export interface SensitiveMatch {
  /** The word from the list. */
  word: string;
  /** Start of the occurrence, in UTF-16 code units (JavaScript string index). */
  index: number;
  length: number;
  /** The text as written at that place. */
  text: string;
}

export interface SensitiveCheck {
  flagged: boolean;
  /** Every occurrence of every word (overlaps included), by index then word. */
  matches: SensitiveMatch[];
}

/** Lower-case each character whose lower case has the same length, so indexes stay valid. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * Every occurrence of every sensitive word in a text. Latin letters match case-insensitively;
 * blank words and duplicates are ignored.
 */
export function checkSensitiveText(
  text: string,
  words: readonly string[] = DEFAULT_SENSITIVE_WORDS,
): SensitiveCheck {
  const haystack = fold(text);
  const seen = new Set<string>();
  const matches: SensitiveMatch[] = [];
  for (const raw of words) {
    const word = raw.trim();
    const needle = fold(word);
    if (needle === '' || seen.has(needle)) continue;
    seen.add(needle);
    for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
      matches.push({
        word,
        index: i,
        length: needle.length,
        text: text.slice(i, i + needle.length),
      });
    }
  }
  matches.sort((a, b) => a.index - b.index || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { flagged: matches.length > 0, matches };
}

export interface BackupCoverage extends Evidence {
  /** Main accounts without any backup. */
  uncovered: string[];
}

/**
 * Backup matrix coverage = main accounts (backup_of null) with at least one backup account /
 * main accounts. A backup pointing at an unknown account or at itself is ignored.
 */
export function backupCoverage(accounts: readonly AccountRecord[]): BackupCoverage {
  const mains = accounts.filter((a) => a.backupOf === null).map((a) => a.id);
  const mainSet = new Set(mains);
  const covered = new Set<string>();
  for (const a of accounts) {
    if (a.backupOf !== null && a.backupOf !== a.id && mainSet.has(a.backupOf)) {
      covered.add(a.backupOf);
    }
  }
  const unique = [...mainSet];
  return {
    ...ratio(covered.size, unique.length, 'no main accounts'),
    uncovered: unique.filter((id) => !covered.has(id)).sort(),
  };
}

export interface ComplianceRate extends Evidence {
  month: string;
  /** Active accounts with at least one alert (advice does not count), sorted. */
  nonCompliant: string[];
}

/**
 * compliance_rate = active accounts with no alert in the month / active accounts. An account is
 * active in a month when it has a day in that month with any adds, mass sends or complaints;
 * all-zero days do not make an account active (it did nothing to be compliant about). Advice
 * does not break compliance; alerts do.
 */
export function complianceRate(
  accounts: readonly AccountRecord[],
  accountDays: readonly AccountDayRecord[],
  month: string,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): ComplianceRate {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const active = new Set<string>();
  const flagged = new Set<string>();
  for (const d of accountDays) {
    if (monthOf(d.date) !== month) continue;
    if (d.activeAdds + d.passiveAdds + d.massSends + d.complaints > 0) active.add(d.accountId);
    if (accountDayAlerts(d, byId.get(d.accountId), settings).some((a) => a.level === 'alert')) {
      flagged.add(d.accountId);
    }
  }
  const nonCompliant = [...flagged].filter((id) => active.has(id)).sort();
  return {
    ...ratio(active.size - nonCompliant.length, active.size, 'no active accounts in the month'),
    month,
    nonCompliant,
  };
}

export interface RedLineDay {
  date: string;
  activeAdds: number;
  passiveAdds: number;
  massSends: number;
  /** Whether the account counted as new that day (the add limits apply to new accounts only). */
  newAccount: boolean;
  /** The red lines crossed that day (alerts, not advice). */
  crossed: RiskRule[];
}

export interface AccountRedLines {
  accountId: string;
  /** The account's days with data in the window, by date. */
  days: RedLineDay[];
}

/**
 * Per account, its daily active adds, passive adds and mass sends in the window with the red
 * lines each day crossed (accountDayAlerts): what the red-line chart draws against the limits.
 * Accounts without data in the window are left out; sorted by account id.
 */
export function accountRedLines(
  accounts: readonly AccountRecord[],
  accountDays: readonly AccountDayRecord[],
  window: DateWindow,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): AccountRedLines[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const lines = new Map<string, RedLineDay[]>();
  for (const d of accountDays) {
    if (!inWindow(d.date, window)) continue;
    const account = byId.get(d.accountId);
    const crossed = accountDayAlerts(d, account, settings)
      .filter((a) => a.level === 'alert' && a.rule !== 'complaints')
      .map((a) => a.rule);
    const day: RedLineDay = {
      date: d.date,
      activeAdds: d.activeAdds,
      passiveAdds: d.passiveAdds,
      massSends: d.massSends,
      newAccount: isNew(account, d.date, settings),
      crossed,
    };
    const list = lines.get(d.accountId);
    if (list) list.push(day);
    else lines.set(d.accountId, [day]);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...lines.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([accountId, days]) => ({
      accountId,
      days: days.sort((a, b) => cmp(a.date, b.date)),
    }));
}

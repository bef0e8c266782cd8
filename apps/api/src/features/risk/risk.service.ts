import {
  accountRedLines,
  addDays,
  addMonths,
  backupCoverage,
  checkSensitiveText,
  complianceRate,
  inWindow,
  monthOf,
  riskAlertDays,
  riskAlerts,
  type DateWindow,
} from '@yugang/metrics';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { accountDays, accounts } from './risk.queries.js';
import { riskSettingsOf, sensitiveWordsOf } from './risk.settings.js';

type Db = Kysely<Database>;

/**
 * Alerts (and advice) per account-day in the window, alert days by account and by day, the
 * compliance rate of the month holding the window's last day, and backup coverage.
 */
export async function risk(db: Db, workspace: Workspace, window: DateWindow) {
  const settings = riskSettingsOf(workspace);
  const month = monthOf(addDays(window.to, -1));
  const monthStart = `${month}-01`;
  const monthEnd = `${addMonths(month, 1)}-01`;
  const from = window.from < monthStart ? window.from : monthStart;
  const to = window.to > monthEnd ? window.to : monthEnd;
  const [accountList, days] = await Promise.all([
    accounts(db, workspace.id),
    accountDays(db, workspace.id, from, to),
  ]);
  const inRange = days.filter((d) => inWindow(d.date, window));
  const alerts = riskAlerts(accountList, inRange, settings);

  const byAccount = new Map<string, { alertDays: Set<string>; alerts: number; advice: number }>();
  const byDay = new Map<string, { accounts: Set<string>; alerts: number; advice: number }>();
  for (const a of alerts) {
    const acc = byAccount.get(a.accountId) ?? { alertDays: new Set(), alerts: 0, advice: 0 };
    const day = byDay.get(a.date) ?? { accounts: new Set(), alerts: 0, advice: 0 };
    if (a.level === 'alert') {
      acc.alerts += 1;
      acc.alertDays.add(a.date);
      day.alerts += 1;
      day.accounts.add(a.accountId);
    } else {
      acc.advice += 1;
      day.advice += 1;
    }
    byAccount.set(a.accountId, acc);
    byDay.set(a.date, day);
  }

  return {
    window,
    settings,
    alertDays: riskAlertDays(accountList, inRange, window, settings),
    alerts,
    byAccount: [...byAccount.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([accountId, v]) => ({
        accountId,
        alertDays: v.alertDays.size,
        alerts: v.alerts,
        advice: v.advice,
      })),
    byDay: [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, v]) => ({
        date,
        accountsWithAlert: v.accounts.size,
        alerts: v.alerts,
        advice: v.advice,
      })),
    compliance: complianceRate(accountList, days, month, settings),
    backupCoverage: backupCoverage(accountList),
    accounts: accountList.length,
    redLines: accountRedLines(accountList, inRange, window, settings),
  };
}

/** Sensitive-word check of an outgoing text with the workspace's list. */
export function checkText(workspace: Workspace, text: string) {
  const words = sensitiveWordsOf(workspace);
  return { ...checkSensitiveText(text, words), words: words.length };
}

/** GET risk and POST risk/check-text for the page: the latest day's alerts, and text split at matches. Pure. */
import type { ResponseOf, riskContract } from '@yugang/contract';
import { addDays } from '@yugang/metrics';

type Risk = ResponseOf<typeof riskContract.get>;
type Check = ResponseOf<typeof riskContract.checkText>;
export type RiskAlert = Risk['alerts'][number];

/** The alerts (and advice) of the latest day that has any, alerts before advice. */
export function latestAlerts(risk: Risk): { date: string | null; alerts: RiskAlert[] } {
  let date: string | null = null;
  for (const a of risk.alerts) if (date === null || a.date > date) date = a.date;
  const alerts = risk.alerts
    .filter((a) => a.date === date)
    .sort((a, b) =>
      a.level === b.level ? a.accountId.localeCompare(b.accountId) : a.level === 'alert' ? -1 : 1,
    );
  return { date, alerts };
}

/** An account's alerts per rule over the window, newest first. */
export function accountAlerts(risk: Risk, accountId: string): RiskAlert[] {
  return risk.alerts
    .filter((a) => a.accountId === accountId)
    .sort((a, b) => b.date.localeCompare(a.date));
}

export interface TextPart {
  text: string;
  word: string | null;
}

/** The checked text cut into plain parts and matched words (overlapping matches: the first wins). */
export function highlightParts(text: string, matches: Check['matches']): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.index - b.index)) {
    if (m.index < at) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), word: null });
    parts.push({ text: text.slice(m.index, m.index + m.length), word: m.word });
    at = m.index + m.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), word: null });
  return parts;
}

export interface RedLineSeries {
  /** Every day of the window. */
  dates: string[];
  values: Record<'activeAdds' | 'passiveAdds' | 'massSends', (number | null)[]>;
  /** Days on which the account crossed at least one red line. */
  crossedDays: number;
}

/** One account's red-line days laid over every day of the window (null: no data that day). */
export function redLineSeries(risk: Risk, accountId: string): RedLineSeries {
  const days = new Map(
    (risk.redLines.find((l) => l.accountId === accountId)?.days ?? []).map((d) => [d.date, d]),
  );
  const dates: string[] = [];
  for (let d = risk.window.from; d < risk.window.to; d = addDays(d, 1)) dates.push(d);
  const pick = (key: 'activeAdds' | 'passiveAdds' | 'massSends') =>
    dates.map((d) => days.get(d)?.[key] ?? null);
  return {
    dates,
    values: {
      activeAdds: pick('activeAdds'),
      passiveAdds: pick('passiveAdds'),
      massSends: pick('massSends'),
    },
    crossedDays: [...days.values()].filter((d) => d.crossed.length > 0).length,
  };
}

/** The account shown first: the one with the most alert days, else the first with data. */
export function defaultRedLineAccount(risk: Risk): string | null {
  const worst = [...risk.byAccount].sort(
    (a, b) => b.alertDays - a.alertDays || a.accountId.localeCompare(b.accountId),
  )[0];
  return worst?.accountId ?? risk.redLines[0]?.accountId ?? null;
}

import { DEFAULT_RISK_SETTINGS, DEFAULT_SENSITIVE_WORDS, type RiskSettings } from '@yugang/metrics';
import type { Workspace } from '../../db/schema.js';

const NUMBER_KEYS = [
  'newAccountDays',
  'activeAddsAlert',
  'activeAddsAdvice',
  'passiveAddsAlert',
  'massSendsAlert',
] as const;

function objectAt(s: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  for (const key of keys) {
    const v = s[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  }
  return {};
}

/**
 * The workspace's risk thresholds, read leniently from settings (`risk`, `riskSettings` or
 * `risk_thresholds`, camelCase keys): anything missing or not a non-negative number falls back to
 * DEFAULT_RISK_SETTINGS.
 */
export function riskSettingsOf(workspace: Pick<Workspace, 'settings'>): RiskSettings {
  const s = (workspace.settings ?? {}) as Record<string, unknown>;
  const given = objectAt(s, ['risk', 'riskSettings', 'riskThresholds', 'risk_thresholds']);
  const result: RiskSettings = { ...DEFAULT_RISK_SETTINGS };
  for (const key of NUMBER_KEYS) {
    const v = given[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) result[key] = v;
  }
  const complaints = given.complaintsAlert;
  if (complaints === null || (typeof complaints === 'number' && complaints >= 0)) {
    result.complaintsAlert = complaints;
  }
  if (given.massSendScope === 'all_accounts' || given.massSendScope === 'new_accounts') {
    result.massSendScope = given.massSendScope;
  }
  if (typeof given.treatUnknownAgeAsNew === 'boolean') {
    result.treatUnknownAgeAsNew = given.treatUnknownAgeAsNew;
  }
  return result;
}

/** The workspace's sensitive words (`sensitiveWords` or `sensitive_words`), else the defaults. */
export function sensitiveWordsOf(workspace: Pick<Workspace, 'settings'>): readonly string[] {
  const s = (workspace.settings ?? {}) as Record<string, unknown>;
  for (const key of ['sensitiveWords', 'sensitive_words']) {
    const v = s[key];
    if (Array.isArray(v)) return v.filter((w): w is string => typeof w === 'string');
  }
  return DEFAULT_SENSITIVE_WORDS;
}

/**
 * The thresholds form: each setting of the workspace as a form field (rates typed in percent,
 * counts and days as whole numbers, the mass-send scope and a yes/no), read from the settings
 * answer and turned back into a PATCH holding only what changed. Pure, so it is tested in Node.
 */
import type { SettingsPatch, SettingsView, WorkspaceSettings } from '@yugang/contract';

export type FieldType = 'percent' | 'int' | 'nullableInt' | 'bool' | 'scope';
type Group = 'tiers' | 'risk' | null;

export interface ThresholdField {
  /** Form key: `commissionRate`, `tiers.recentDays`, `risk.complaintsAlert` … */
  id: string;
  group: Group;
  key: string;
  type: FieldType;
  max?: number;
}

const f = (group: Group, key: string, type: FieldType, max?: number): ThresholdField => ({
  id: group ? `${group}.${key}` : key,
  group,
  key,
  type,
  ...(max !== undefined ? { max } : {}),
});

export const THRESHOLD_SECTIONS: { id: 'money' | 'tiers' | 'risk'; fields: ThresholdField[] }[] = [
  {
    id: 'money',
    fields: [
      f(null, 'commissionRate', 'percent'),
      f(null, 'defaultMargin', 'percent'),
      f(null, 'privateShare', 'percent'),
    ],
  },
  {
    id: 'tiers',
    fields: [
      f('tiers', 'topMonetaryShare', 'percent'),
      f('tiers', 'minOrdersHighValue', 'int', 1000),
      f('tiers', 'recentDays', 'int', 3650),
      f('tiers', 'topPredictedShare', 'percent'),
      f('tiers', 'lookbackDays', 'int', 3650),
    ],
  },
  {
    id: 'risk',
    fields: [
      f('risk', 'newAccountDays', 'int', 3650),
      f('risk', 'activeAddsAlert', 'int', 1_000_000),
      f('risk', 'activeAddsAdvice', 'int', 1_000_000),
      f('risk', 'passiveAddsAlert', 'int', 1_000_000),
      f('risk', 'massSendsAlert', 'int', 1_000_000),
      f('risk', 'massSendScope', 'scope'),
      f('risk', 'complaintsAlert', 'nullableInt', 1_000_000),
      f('risk', 'treatUnknownAgeAsNew', 'bool'),
    ],
  },
];

export const THRESHOLD_FIELDS = THRESHOLD_SECTIONS.flatMap((s) => s.fields);

export type ThresholdForm = Record<string, string | boolean>;

function valueOf(settings: WorkspaceSettings, field: ThresholdField): unknown {
  const holder = (field.group ? settings[field.group] : settings) as Record<string, unknown>;
  return holder[field.key];
}

/** 0.05 → "5", 0.123 → "12.3" (no float noise). */
function percentText(rate: number): string {
  return String(Math.round(rate * 1e6) / 1e4);
}

export function toForm(settings: WorkspaceSettings): ThresholdForm {
  const form: ThresholdForm = {};
  for (const field of THRESHOLD_FIELDS) {
    const value = valueOf(settings, field);
    if (field.type === 'bool') form[field.id] = Boolean(value);
    else if (field.type === 'percent') form[field.id] = percentText(value as number);
    else form[field.id] = value === null ? '' : String(value);
  }
  return form;
}

export interface FormProblem {
  id: string;
  kind: 'number' | 'range' | 'whole';
}

function parse(field: ThresholdField, raw: string | boolean): { value: unknown } | FormProblem {
  if (field.type === 'bool') return { value: raw === true };
  const text = String(raw)
    .trim()
    .replace(/[%％]$/, '');
  if (field.type === 'scope') return { value: text };
  if (field.type === 'nullableInt' && text === '') return { value: null };
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return { id: field.id, kind: 'number' };
  if (field.type === 'percent') {
    if (n < 0 || n > 100) return { id: field.id, kind: 'range' };
    return { value: Math.round(n * 1e4) / 1e6 };
  }
  if (!Number.isInteger(n)) return { id: field.id, kind: 'whole' };
  const min = field.key === 'minOrdersHighValue' || field.key.endsWith('Days') ? 1 : 0;
  if (n < min || n > (field.max ?? Infinity)) return { id: field.id, kind: 'range' };
  return { value: n };
}

/** The PATCH for what the form changed, or the fields that do not parse. */
export function toPatch(
  current: SettingsView,
  form: ThresholdForm,
): { patch: SettingsPatch; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const settings: Record<string, unknown> = {};
  for (const field of THRESHOLD_FIELDS) {
    const parsed = parse(field, form[field.id] ?? '');
    if ('kind' in parsed) {
      problems.push(parsed);
      continue;
    }
    if (parsed.value === valueOf(current.settings, field)) continue;
    if (field.group) {
      const group = (settings[field.group] ?? {}) as Record<string, unknown>;
      group[field.key] = parsed.value;
      settings[field.group] = group;
    } else settings[field.key] = parsed.value;
  }
  return {
    patch:
      Object.keys(settings).length > 0 ? { settings: settings as SettingsPatch['settings'] } : {},
    problems,
  };
}

/** Sensitive words typed one per line (or separated by commas): trimmed, unique, in order. */
export function parseWords(text: string): string[] {
  const words = text
    .split(/[\n,，、]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  return [...new Set(words)];
}

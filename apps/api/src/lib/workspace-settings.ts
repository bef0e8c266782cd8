import {
  DEFAULT_WORKSPACE_SETTINGS,
  riskSettings,
  tierSettings,
  workspaceSettings,
  type WorkspaceSettings,
} from '@yugang/contract';
import type { z } from 'zod';

/**
 * The one reader of a workspace's `settings` jsonb, used by the read model's rollups, predicted
 * LTV, ROI, tiers and risk alike. Strict: camelCase keys only, each value parsed by the
 * contract's zod schema (no strings for numbers, no other spellings); a key that is missing or
 * does not parse takes its default, so one bad value does not hide the others. Snake_case keys
 * older data might hold are rewritten once by migration 0012.
 */
type Raw = Record<string, unknown>;

export const isSettingsRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pick<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

function nested<T extends object>(schema: z.ZodObject, value: unknown, defaults: T): T {
  const stored = isSettingsRecord(value) ? value : {};
  const out: Raw = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    out[key] = field ? pick(field, stored[key], fallback) : fallback;
  }
  return out as T;
}

/** The full settings of a workspace: each stored value that is valid, the default otherwise. */
export function workspaceSettingsOf(workspace: { settings: unknown }): WorkspaceSettings {
  const raw: Raw = isSettingsRecord(workspace.settings) ? workspace.settings : {};
  const d = DEFAULT_WORKSPACE_SETTINGS;
  const shape = workspaceSettings.shape;
  return {
    commissionRate: pick(shape.commissionRate, raw.commissionRate, d.commissionRate),
    defaultMargin: pick(shape.defaultMargin, raw.defaultMargin, d.defaultMargin),
    privateShare: pick(shape.privateShare, raw.privateShare, d.privateShare),
    tiers: nested(tierSettings, raw.tiers, d.tiers),
    risk: nested(riskSettings, raw.risk, d.risk),
    sensitiveWords: pick(shape.sensitiveWords, raw.sensitiveWords, d.sensitiveWords),
    upColor: pick(shape.upColor, raw.upColor, d.upColor),
  };
}

import type { Workspace } from '../db/schema.js';

/** The workspace settings the read model bakes into its rows, and the rate applied at read time. */
export interface ReadModelSettings {
  timeZone: string;
  /** Margin for orders without a gross profit (per-order rounding is baked into the rollups). */
  defaultMargin: number;
  /** Attribution: private share of a first-ever order in a private channel (baked in). */
  privateShare: number;
  /** Reference platform commission rate for commission_saved (applied at read time). */
  commissionRate: number;
}

export const DEFAULT_READ_MODEL_SETTINGS = {
  defaultMargin: 0,
  privateShare: 0.5,
  commissionRate: 0.05,
} as const;

function rate(
  settings: Record<string, unknown>,
  keys: readonly string[],
  fallback: number,
): number {
  for (const key of keys) {
    const value = settings[key];
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1) return n;
  }
  return fallback;
}

/** Reads the settings jsonb leniently: camelCase or snake_case keys, defaults otherwise. */
export function readModelSettings(
  workspace: Pick<Workspace, 'time_zone' | 'settings'>,
): ReadModelSettings {
  const s = (workspace.settings ?? {}) as Record<string, unknown>;
  return {
    timeZone: workspace.time_zone,
    defaultMargin: rate(
      s,
      ['defaultMargin', 'default_margin'],
      DEFAULT_READ_MODEL_SETTINGS.defaultMargin,
    ),
    privateShare: rate(
      s,
      ['privateShare', 'private_share', 'attributionShare', 'attribution_share'],
      DEFAULT_READ_MODEL_SETTINGS.privateShare,
    ),
    commissionRate: rate(
      s,
      ['commissionRate', 'commission_rate'],
      DEFAULT_READ_MODEL_SETTINGS.commissionRate,
    ),
  };
}

import type { Workspace } from '../db/schema.js';
import { workspaceSettingsOf } from '../lib/workspace-settings.js';

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

/** The read model's part of the workspace settings, from the one reader (lib/workspace-settings). */
export function readModelSettings(
  workspace: Pick<Workspace, 'time_zone' | 'settings'>,
): ReadModelSettings {
  const { defaultMargin, privateShare, commissionRate } = workspaceSettingsOf(workspace);
  return { timeZone: workspace.time_zone, defaultMargin, privateShare, commissionRate };
}

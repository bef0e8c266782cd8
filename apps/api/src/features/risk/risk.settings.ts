import type { RiskSettings } from '@yugang/metrics';
import type { Workspace } from '../../db/schema.js';
import { workspaceSettingsOf } from '../../lib/workspace-settings.js';

/** The workspace's risk thresholds (settings.risk, defaults where unset or invalid). */
export function riskSettingsOf(workspace: Pick<Workspace, 'settings'>): RiskSettings {
  return workspaceSettingsOf(workspace).risk;
}

/** The workspace's sensitive words (settings.sensitiveWords), else the default list. */
export function sensitiveWordsOf(workspace: Pick<Workspace, 'settings'>): readonly string[] {
  return workspaceSettingsOf(workspace).sensitiveWords;
}

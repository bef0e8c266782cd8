import { sql, type Kysely } from 'kysely';
import type { Database, Workspace } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { isSettingsRecord as isRecord, workspaceSettingsOf } from '../../lib/workspace-settings.js';
import { audited, type AuditEntry } from '../../lib/audit.js';
import {
  DEFAULT_WORKSPACE_SETTINGS,
  type SettingsPatch,
  type SettingsView,
} from '@yugang/contract';

type Raw = Record<string, unknown>;

export function settingsView(workspace: Workspace): SettingsView {
  return {
    slug: workspace.slug,
    name: workspace.name,
    timeZone: workspace.time_zone,
    currency: workspace.currency,
    privateLaunchedOn: workspace.private_launched_on,
    settings: workspaceSettingsOf(workspace),
    defaults: DEFAULT_WORKSPACE_SETTINGS,
  };
}

/** Applies a PATCH: stores only what was set (defaults stay defaults), audits the change. */
export async function updateSettings(
  db: Kysely<Database>,
  workspace: Workspace,
  patch: SettingsPatch,
  actor: AuditEntry['actor'],
): Promise<Workspace> {
  const current: unknown = workspace.settings;
  const stored: Raw = isRecord(current) ? { ...current } : {};
  const changes = patch.settings ?? {};
  const next: Raw = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    next[key] =
      key === 'tiers' || key === 'risk'
        ? { ...(isRecord(stored[key]) ? stored[key] : {}), ...(value as Raw) }
        : value;
  }
  const resolved = workspaceSettingsOf({ settings: next });
  if (resolved.risk.activeAddsAdvice > resolved.risk.activeAddsAlert) {
    throw new AppError(400, 'invalid_request', 'the request is not valid', [
      { path: 'body.settings.risk.activeAddsAdvice', message: 'must not exceed activeAddsAlert' },
    ]);
  }
  const entry = {
    workspaceId: workspace.id,
    actor,
    action: 'settings.update',
    target: workspace.slug,
    details: { changes: patch },
  };
  return audited(db, entry, (trx) =>
    trx
      .updateTable('workspaces')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
        ...(patch.privateLaunchedOn !== undefined
          ? { private_launched_on: patch.privateLaunchedOn }
          : {}),
        settings: sql`${JSON.stringify(next)}::jsonb`,
      })
      .where('id', '=', workspace.id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

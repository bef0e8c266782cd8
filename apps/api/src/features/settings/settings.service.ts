import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, Workspace } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import {
  DEFAULT_WORKSPACE_SETTINGS,
  riskSettings,
  tierSettings,
  workspaceSettings,
  type SettingsPatch,
  type SettingsView,
  type WorkspaceSettings,
} from './settings.schema.js';

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pick<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

function nested<T extends object>(schema: z.ZodObject, value: unknown, defaults: T): T {
  const stored = isRecord(value) ? value : {};
  const out: Raw = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    out[key] = field ? pick(field, stored[key], fallback) : fallback;
  }
  return out as T;
}

/**
 * The full settings of a workspace: each stored value that is valid, the default otherwise.
 * Use this wherever a feature needs a setting (`workspaceSettingsOf(ctx.workspace)`).
 */
export function workspaceSettingsOf(workspace: { settings: unknown }): WorkspaceSettings {
  const raw: Raw = isRecord(workspace.settings) ? workspace.settings : {};
  const d = DEFAULT_WORKSPACE_SETTINGS;
  const shape = workspaceSettings.shape;
  return {
    commissionRate: pick(shape.commissionRate, raw.commissionRate, d.commissionRate),
    defaultMargin: pick(shape.defaultMargin, raw.defaultMargin, d.defaultMargin),
    privateShare: pick(shape.privateShare, raw.privateShare, d.privateShare),
    tiers: nested(tierSettings, raw.tiers, d.tiers),
    risk: nested(riskSettings, raw.risk, d.risk),
    sensitiveWords: pick(shape.sensitiveWords, raw.sensitiveWords, d.sensitiveWords),
  };
}

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
  return db.transaction().execute(async (trx) => {
    const updated = await trx
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
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actor,
      action: 'settings.update',
      target: workspace.slug,
      details: { changes: patch },
    });
    return updated;
  });
}

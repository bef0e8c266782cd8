import {
  DEFAULT_COMMISSION_RATE,
  DEFAULT_PRIVATE_SHARE,
  DEFAULT_RISK_SETTINGS,
  DEFAULT_SENSITIVE_WORDS,
  DEFAULT_TIER_SETTINGS,
  type RiskSettings,
  type TierSettings,
} from '@yugang/metrics';
import { z } from 'zod';
import { defineRoute } from './route.js';
import { isoDate, slug } from './common.js';

const rate = z.number().min(0).max(1);
const days = z.number().int().min(1).max(3650);
const count = z.number().int().min(0).max(1_000_000);

/** Value tiers (METRICS §7); the shape of `TierSettings` in @yugang/metrics. */
export const tierSettings = z.strictObject({
  topMonetaryShare: rate.describe('high value: monetary in this top share over lookbackDays'),
  minOrdersHighValue: z.number().int().min(1).max(1000),
  recentDays: days.describe('potential: ordered within this many days'),
  topPredictedShare: rate.describe('potential: predicted LTV in this top share'),
  lookbackDays: days,
}) satisfies z.ZodType<TierSettings>;

/** Account red lines (METRICS §6); the shape of `RiskSettings` in @yugang/metrics. */
export const riskSettings = z.strictObject({
  newAccountDays: days,
  activeAddsAlert: count,
  activeAddsAdvice: count,
  passiveAddsAlert: count,
  massSendsAlert: count,
  massSendScope: z.enum(['all_accounts', 'new_accounts']),
  complaintsAlert: count.nullable(),
  treatUnknownAgeAsNew: z.boolean(),
}) satisfies z.ZodType<RiskSettings>;

const word = z.string().trim().min(1).max(50);

/**
 * The workspace settings as every feature reads them (`settings` jsonb, camelCase keys).
 * Time zone and private launch date are columns of the workspace, not part of this object.
 */
export const workspaceSettings = z.strictObject({
  commissionRate: rate.describe('reference platform commission rate for commission saved'),
  defaultMargin: rate.describe('gross margin for orders without a gross profit'),
  privateShare: rate.describe('attribution: private share of a first order in a private channel'),
  tiers: tierSettings,
  risk: riskSettings,
  sensitiveWords: z.array(word).max(500),
  upColor: z
    .enum(['red', 'green'])
    .nullable()
    .describe(
      "the colour of a rise on every chart and card: red (the Chinese convention) or green; null: by the reader's language",
    ),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettings>;

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  commissionRate: DEFAULT_COMMISSION_RATE,
  defaultMargin: 0,
  privateShare: DEFAULT_PRIVATE_SHARE,
  tiers: { ...DEFAULT_TIER_SETTINGS },
  risk: { ...DEFAULT_RISK_SETTINGS },
  sensitiveWords: [...DEFAULT_SENSITIVE_WORDS],
  upColor: null,
};

export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown IANA time zone' },
  )
  .meta({ example: 'Asia/Shanghai' });

/** PATCH: any subset; nested tiers and risk merge field by field, sensitiveWords is replaced. */
export const settingsPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  timeZone: timeZone.optional(),
  privateLaunchedOn: isoDate.nullable().optional(),
  settings: z
    .strictObject({
      commissionRate: rate.optional(),
      defaultMargin: rate.optional(),
      privateShare: rate.optional(),
      tiers: tierSettings.partial().optional(),
      risk: riskSettings.partial().optional(),
      sensitiveWords: z.array(word).max(500).optional(),
      upColor: z.enum(['red', 'green']).nullable().optional(),
    })
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchBody>;

export const settingsResponse = z.object({
  slug,
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  privateLaunchedOn: isoDate.nullable(),
  settings: workspaceSettings,
  defaults: workspaceSettings,
});
export type SettingsView = z.infer<typeof settingsResponse>;

export const settingsContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/settings',
    access: 'viewer',
    summary: 'Workspace name, time zone, private launch date and settings (with defaults)',
    response: settingsResponse,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/workspaces/:ws/settings',
    access: 'owner',
    summary: 'Change workspace settings (owner); nested tiers and risk merge field by field',
    description:
      'Changing the time zone, default margin or private share makes the read model rebuild on its next refresh.',
    body: settingsPatchBody,
    response: settingsResponse,
  }),
};

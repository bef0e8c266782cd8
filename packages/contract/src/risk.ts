import { z } from 'zod';
import { defineRoute } from './route.js';
import { evidenceSchema } from './evidence.js';
import { freshnessSchema, windowQuery } from './window.js';

export const riskQuery = windowQuery;

const evidence = evidenceSchema;

export const riskResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  settings: z.object({
    newAccountDays: z.number(),
    activeAddsAlert: z.number(),
    activeAddsAdvice: z.number(),
    passiveAddsAlert: z.number(),
    massSendsAlert: z.number(),
    massSendScope: z.enum(['all_accounts', 'new_accounts']),
    complaintsAlert: z.number().nullable(),
    treatUnknownAgeAsNew: z.boolean(),
  }),
  alertDays: z.number().describe('account-days with at least one alert (advice not counted)'),
  alerts: z
    .array(
      z.object({
        accountId: z.string(),
        date: z.string(),
        rule: z.enum(['active_adds', 'passive_adds', 'mass_sends', 'complaints']),
        level: z.enum(['alert', 'advice']),
        value: z.number(),
        limit: z.number(),
        newAccount: z.boolean(),
      }),
    )
    .meta({ 'x-metric': 'risk_alerts' }),
  byAccount: z.array(
    z.object({
      accountId: z.string(),
      alertDays: z.number(),
      alerts: z.number(),
      advice: z.number(),
    }),
  ),
  byDay: z.array(
    z.object({
      date: z.string(),
      accountsWithAlert: z.number(),
      alerts: z.number(),
      advice: z.number(),
    }),
  ),
  compliance: evidence
    .extend({ month: z.string(), nonCompliant: z.array(z.string()) })
    .meta({ 'x-metric': 'compliance_rate' }),
  backupCoverage: evidence
    .extend({ uncovered: z.array(z.string()) })
    .meta({ 'x-metric': 'backup_coverage' }),
  accounts: z.number(),
  redLines: z
    .array(
      z.object({
        accountId: z.string(),
        days: z.array(
          z.object({
            date: z.string(),
            activeAdds: z.number(),
            passiveAdds: z.number(),
            massSends: z.number(),
            newAccount: z.boolean().describe('the add limits apply to new accounts only'),
            crossed: z
              .array(z.enum(['active_adds', 'passive_adds', 'mass_sends', 'complaints']))
              .describe('red lines crossed that day (alerts)'),
          }),
        ),
      }),
    )
    .describe("each account's days with data in the window, for the red-line chart")
    .meta({ 'x-metrics': ['active_adds', 'passive_adds', 'mass_sends'] }),
});

export const checkTextBody = z.object({
  text: z
    .string()
    .max(20_000)
    .refine((t) => t.trim() !== '', 'text must not be empty'),
});

export const checkTextResponse = z.object({
  flagged: z.boolean(),
  matches: z.array(
    z.object({ word: z.string(), index: z.number(), length: z.number(), text: z.string() }),
  ),
  words: z.number().describe('how many sensitive words were checked'),
});

export const riskContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/risk',
    access: 'viewer',
    summary: 'Account risk: alerts by account and day, monthly compliance, backup coverage',
    description:
      'METRICS §6 with the workspace risk thresholds. Compliance is for the month holding the last day of the window.',
    query: riskQuery,
    response: riskResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    cache: 'data',
  }),
  checkText: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/risk/check-text',
    access: 'viewer',
    summary: 'Check an outgoing text against the workspace sensitive words',
    description:
      'Read-only in effect (nothing is stored), so any member may call it, viewers and read-only keys included: the staff who write mass-send texts are often viewers.',
    body: checkTextBody,
    response: checkTextResponse,
  }),
};

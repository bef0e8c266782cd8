import { z } from 'zod';
import { dateRangeQuery } from '../../http/schemas.js';

export const riskQuery = dateRangeQuery;

const evidence = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

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
  alerts: z.array(
    z.object({
      accountId: z.string(),
      date: z.string(),
      rule: z.enum(['active_adds', 'passive_adds', 'mass_sends', 'complaints']),
      level: z.enum(['alert', 'advice']),
      value: z.number(),
      limit: z.number(),
      newAccount: z.boolean(),
    }),
  ),
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
  compliance: evidence.extend({ month: z.string(), nonCompliant: z.array(z.string()) }),
  backupCoverage: evidence.extend({ uncovered: z.array(z.string()) }),
  accounts: z.number(),
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

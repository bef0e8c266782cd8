import { z } from 'zod';
import { defineRoute } from './route.js';
import { evidenceSchema } from './evidence.js';
import { freshnessSchema, windowQuery } from './window.js';

export const teamKpisQuery = windowQuery;

const evidence = evidenceSchema;

const conversion = evidence.extend({ entrants: z.number(), immature: z.number() });

export const teamKpisResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  guideRate: evidence
    .extend({
      sessions: z.number(),
      target: z.number(),
      meetsTarget: z.boolean().nullable(),
    })
    .meta({ 'x-metric': 'guide_rate' }),
  responseRate48h: evidence
    .extend({ started: z.number(), pending: z.number() })
    .meta({ 'x-metric': 'response_rate_48h' }),
  medianFirstResponseHours: z
    .object({
      value: z.number().nullable(),
      count: z.number(),
      reason: z.string().optional(),
    })
    .meta({ 'x-metric': 'median_first_response' }),
  firstOrderConversion: conversion
    .describe('new members ordering within 30 days / mature new members')
    .meta({ 'x-metric': 'first_order_conversion' }),
  repurchaseConversion: conversion
    .describe('first-time customers ordering again within 90 days / mature ones')
    .meta({ 'x-metric': 'repurchase_conversion' }),
});

export const teamKpisContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/team-kpis',
    access: 'viewer',
    summary: 'Team KPIs: guide rate, 48 h response rate, median first response',
    description:
      'METRICS §4 over the window [from, to), as of the current 10-minute step of the clock. Kept per data version: the first request after an import computes it.',
    query: teamKpisQuery,
    response: teamKpisResponse.extend({ freshness: freshnessSchema }),
    window: 'range',
    cache: 'data',
  }),
};

import { z } from 'zod';
import { dateRangeQuery } from '../../http/schemas.js';

export const teamKpisQuery = dateRangeQuery;

const evidence = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  reason: z.string().optional(),
});

const conversion = evidence.extend({ entrants: z.number(), immature: z.number() });

export const teamKpisResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  guideRate: evidence.extend({
    sessions: z.number(),
    target: z.number(),
    meetsTarget: z.boolean().nullable(),
  }),
  responseRate48h: evidence.extend({ started: z.number(), pending: z.number() }),
  medianFirstResponseHours: z.object({
    value: z.number().nullable(),
    count: z.number(),
    reason: z.string().optional(),
  }),
  firstOrderConversion: conversion
    .nullable()
    .describe('new members ordering within 30 days / mature new members; null for long windows'),
  repurchaseConversion: conversion
    .nullable()
    .describe('first-time customers ordering again within 90 days / mature ones'),
  notServed: z.array(z.string()),
});

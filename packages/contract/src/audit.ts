import { z } from 'zod';
import { defineRoute } from './route.js';
import { positiveId } from './common.js';

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: positiveId.optional().describe('an entry id: list entries older than it'),
});

export const auditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.iso.datetime(),
      actorUserId: z.number().int().nullable(),
      actorEmail: z.string().nullable(),
      actorApiKeyId: z.number().int().nullable(),
      action: z.string(),
      target: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const auditContract = {
  list: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/audit-log',
    access: 'owner',
    summary: 'Who changed members, API keys and settings, newest first',
    query: auditQuery,
    response: auditResponse,
  }),
};

import { z } from 'zod';
import { workspaceRoute, type RouteDefinition } from '../../http/route.js';
import { positiveId } from '../../http/schemas.js';
import { listAudit } from './audit.service.js';

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: positiveId.optional().describe('an entry id: list entries older than it'),
});

const auditResponse = z.object({
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

export const auditRoutes: RouteDefinition[] = [
  workspaceRoute({
    method: 'get',
    path: '/workspaces/:ws/audit-log',
    summary: 'Who changed members, API keys and settings, newest first',
    minRole: 'owner',
    query: auditQuery,
    response: auditResponse,
    handler: async ({ db, workspace, query }) => ({
      entries: await listAudit(db, workspace.id, query),
    }),
  }),
];

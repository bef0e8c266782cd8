import { auditContract } from '@yugang/contract';
import { implement, type RouteDefinition } from '../../http/route.js';
import { listAudit } from './audit.service.js';

export const auditRoutes: RouteDefinition[] = [
  implement(auditContract.list, async ({ db, workspace, query }) => ({
    entries: await listAudit(db, workspace.id, query),
  })),
];

import { apiKeysContract } from '@yugang/contract';
import { notFound } from '../../errors/app-error.js';
import { implement, type RouteDefinition } from '../../http/route.js';
import { recordAudit } from '../audit/audit.service.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

export const apiKeysRoutes: RouteDefinition[] = [
  implement(apiKeysContract.list, async ({ db, workspace }) => ({
    apiKeys: await listApiKeys(db, workspace.id),
  })),
  implement(apiKeysContract.create, async ({ db, workspace, body, actor }) =>
    db.transaction().execute(async (trx) => {
      const created = await createApiKey(trx, {
        workspaceId: workspace.id,
        name: body.name,
        readOnly: body.readOnly,
        createdBy: actor.userId,
      });
      await recordAudit(trx, {
        workspaceId: workspace.id,
        actor,
        action: 'api_keys.create',
        target: created.prefix,
        details: { id: created.id, name: body.name, readOnly: body.readOnly },
      });
      const listed = (await listApiKeys(trx, workspace.id)).find((k) => k.id === created.id);
      if (!listed) throw new Error('created key not found');
      return { ...listed, key: created.key };
    }),
  ),
  implement(apiKeysContract.revoke, async ({ db, workspace, params, actor }) => {
    await db.transaction().execute(async (trx) => {
      const revoked = await revokeApiKey(trx, workspace.id, params.keyId);
      if (!revoked) throw notFound('API key');
      if (revoked.alreadyRevoked) return;
      await recordAudit(trx, {
        workspaceId: workspace.id,
        actor,
        action: 'api_keys.revoke',
        target: revoked.prefix,
        details: { id: params.keyId },
      });
    });
  }),
];

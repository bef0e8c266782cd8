import { apiKeysContract } from '@yugang/contract';
import { notFound } from '../../errors/app-error.js';
import { implement, type RouteDefinition } from '../../http/route.js';
import { audited } from '../../lib/audit.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

export const apiKeysRoutes: RouteDefinition[] = [
  implement(apiKeysContract.list, async ({ db, workspace }) => ({
    apiKeys: await listApiKeys(db, workspace.id),
  })),
  implement(apiKeysContract.create, async ({ db, workspace, body, actor }) =>
    audited(
      db,
      { workspaceId: workspace.id, actor, action: 'api_keys.create' },
      async (trx, note) => {
        const created = await createApiKey(trx, {
          workspaceId: workspace.id,
          name: body.name,
          readOnly: body.readOnly,
          createdBy: actor.userId,
        });
        note.target = created.prefix;
        note.details = { id: created.id, name: body.name, readOnly: body.readOnly };
        const listed = (await listApiKeys(trx, workspace.id)).find((k) => k.id === created.id);
        if (!listed) throw new Error('created key not found');
        return { ...listed, key: created.key };
      },
    ),
  ),
  implement(apiKeysContract.revoke, async ({ db, workspace, params, actor }) => {
    const entry = {
      workspaceId: workspace.id,
      actor,
      action: 'api_keys.revoke',
      details: { id: params.keyId },
    };
    await audited(db, entry, async (trx, note) => {
      const revoked = await revokeApiKey(trx, workspace.id, params.keyId);
      if (!revoked) throw notFound('API key');
      note.target = revoked.prefix;
      note.unchanged = revoked.alreadyRevoked;
    });
  }),
];

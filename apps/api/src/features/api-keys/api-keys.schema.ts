import { z } from 'zod';

export const apiKey = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string().describe('the first characters of the key, to recognise it'),
  readOnly: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable().describe('email of the user who created it'),
  lastUsedAt: z.iso.datetime().nullable().describe('updated at most once a minute'),
  revokedAt: z.iso.datetime().nullable(),
});

export const apiKeysResponse = z.object({ apiKeys: z.array(apiKey) });

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  readOnly: z.boolean().default(false).describe('read-only keys act as a viewer, others as a lead'),
});

export const createdApiKeyResponse = apiKey.extend({
  key: z.string().describe('the full key (yg_…): shown only in this answer'),
});

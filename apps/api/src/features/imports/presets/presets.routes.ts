/**
 * The routes around platform presets: the list of presets, the preview of a file (kind, preset,
 * columns, first rows as they will land) and the saved column mappings.
 */
import { importPresetsContract } from '@yugang/contract';
import { loadConfig } from '../../../config.js';
import { implement, type RouteDefinition } from '../../../http/route.js';
import { DEFAULT_LIMITS } from '../limits.js';
import {
  deleteMapping,
  listMappings,
  readOptions,
  saveMapping,
  type SavedMapping,
} from '../mapping.js';
import { fileSource } from '../source.js';
import { receiveUpload } from '../upload.js';
import { PRESETS } from './index.js';
import { previewFile } from './preview.js';

const mappingJson = (m: SavedMapping) => ({ ...m, updatedAt: m.updatedAt.toISOString() });

export function importPresetsRoutes(
  options: { maxUploadBytes?: number; uploadIdleMs?: number } = {},
): RouteDefinition[] {
  const maxBytes = options.maxUploadBytes ?? loadConfig().YUGANG_MAX_UPLOAD_MB * 1024 * 1024;
  const idleMs = options.uploadIdleMs ?? 60_000;
  return [
    implement(importPresetsContract.presets, () => ({
      presets: PRESETS.map((p) => ({
        name: p.name,
        label: p.label,
        kind: p.kind,
        channel: p.channel
          ? { code: p.channel.code, name: p.channel.name, domain: p.channel.domain }
          : null,
        columns: Object.entries(p.columns).map(([column, headers]) => ({
          column,
          headers: [...headers],
          required: p.required.includes(column),
        })),
      })),
    })),

    implement(importPresetsContract.preview, async ({ req, db, workspace, query }) => {
      const read = await readOptions(db, workspace.id, query.kind, query);
      const upload = await receiveUpload(req, { maxBytes, idleMs }, 'preview');
      try {
        const source = await fileSource(upload.path, DEFAULT_LIMITS);
        const preview = await previewFile(db, workspace, source, {
          ...read,
          kind: read.mapping?.kind ?? query.kind,
          rows: query.rows,
        });
        return { preview };
      } finally {
        await upload.dispose();
      }
    }),

    implement(importPresetsContract.mappings, async ({ db, workspace }) => ({
      mappings: (await listMappings(db, workspace.id)).map(mappingJson),
    })),

    implement(importPresetsContract.saveMapping, async ({ db, workspace, actor, body }) => ({
      mapping: mappingJson(await saveMapping(db, workspace.id, body, actor.userId)),
    })),

    implement(importPresetsContract.deleteMapping, async ({ db, workspace, params }) => {
      await deleteMapping(db, workspace.id, params.name);
    }),
  ];
}

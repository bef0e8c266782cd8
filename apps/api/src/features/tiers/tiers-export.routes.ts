import { tiersContract, XLSX_TYPE } from '@yugang/contract';
import { AppError } from '../../errors/app-error.js';
import { implement, type RouteDefinition } from '../../http/route.js';
import { recordAudit } from '../../lib/audit.js';
import { writeCsv, writeXlsx, type TableView } from '../../lib/table-export.js';
import { tierSegment, type SegmentFilter, type SegmentRow } from './tiers-export.service.js';

const COLUMNS: TableView<SegmentRow>['columns'] = [
  { label: 'customer_external_id', value: (r) => r.externalId },
  { label: 'tier', value: (r) => r.tier },
  { label: 'previous_tier', value: (r) => r.previousTier },
];

function filterOf(query: {
  tier?: 'high_value' | 'potential' | 'ordinary';
  from?: 'high_value' | 'potential' | 'ordinary' | 'new';
  to?: 'high_value' | 'potential' | 'ordinary' | 'gone';
}): SegmentFilter {
  const move = query.from !== undefined || query.to !== undefined;
  if (query.tier !== undefined && !move) return { kind: 'tier', tier: query.tier };
  if (query.tier === undefined && query.from !== undefined && query.to !== undefined) {
    return { kind: 'move', from: query.from, to: query.to };
  }
  throw new AppError(400, 'invalid_request', 'give either tier, or both from and to', [
    { path: 'query.tier', message: 'either tier, or from and to' },
  ]);
}

export function tierExportRoutes(): RouteDefinition[] {
  return (['csv', 'xlsx'] as const).map((format) =>
    implement(
      format === 'csv' ? tiersContract.exportCsv : tiersContract.exportXlsx,
      async ({ db, workspace, actor, query, asOf, res }) => {
        const filter = filterOf(query);
        const segment = await tierSegment(db, workspace, asOf, filter);
        const name =
          filter.kind === 'tier'
            ? `${workspace.slug}-tier-${filter.tier}-${asOf}.${format}`
            : `${workspace.slug}-move-${filter.from}-to-${filter.to}-${asOf}.${format}`;
        await recordAudit(db, {
          workspaceId: workspace.id,
          actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
          action: 'tiers.export',
          target:
            filter.kind === 'tier' ? `tier:${filter.tier}` : `move:${filter.from}>${filter.to}`,
          details: { asOf, previousAsOf: segment.previousAsOf, format, rows: segment.count },
        });
        res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
        res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        res.setHeader('X-Row-Count', String(segment.count));
        const view: TableView<SegmentRow> = { columns: COLUMNS, rows: segment.rows };
        if (format === 'csv') await writeCsv(res, view);
        else await writeXlsx(res, view, 'segment');
        res.end();
      },
    ),
  );
}

import { reviewContract } from '@yugang/contract';
import type { Response } from 'express';
import { implement, type RouteDefinition } from '../../http/route.js';
import { recordAudit } from '../../lib/audit.js';
import { renderPng } from './chart-render.js';
import { reviewChart } from './review-charts.js';
import { DEFAULT_CHROMIUM_PATH, reviewPdf } from './review-pdf.js';
import { reviewIncrementality } from './review-incrementality.js';
import { reviewPptx } from './review-pptx.js';
import { review, reviewClockStep, reviewWeek } from './review.service.js';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

function sendFile(res: Response, type: string, name: string, body: Buffer, download = true): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'private, no-store');
  if (download) res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.send(body);
}

/** A review that leaves the product as a file is an export: the audit log says who took which. */
function auditExport(
  db: Parameters<typeof recordAudit>[0],
  workspaceId: number,
  actor: { userId: number | null; apiKeyId: number | null },
  format: 'pdf' | 'pptx',
  week: string,
): Promise<void> {
  return recordAudit(db, {
    workspaceId,
    actor: { userId: actor.userId, apiKeyId: actor.apiKeyId },
    action: 'review.export',
    target: week,
    details: { format },
  });
}

export function reviewRoutes(options: { chromiumPath?: string } = {}): RouteDefinition[] {
  const chromiumPath = options.chromiumPath ?? DEFAULT_CHROMIUM_PATH;
  return [
    implement(reviewContract.get, ({ db, workspace, query }) => review(db, workspace, query), {
      cacheKey: () => reviewClockStep(),
    }),
    implement(reviewContract.pptx, async ({ db, workspace, query, actor, res }) => {
      const r = await review(db, workspace, query);
      const file = await reviewPptx(r, query.lang, await reviewIncrementality(db, workspace, r));
      await auditExport(db, workspace.id, actor, 'pptx', r.week);
      sendFile(res, PPTX, `review-${workspace.slug}-${r.week}-${query.lang}.pptx`, file);
    }),
    implement(reviewContract.pdf, async ({ db, workspace, query, actor, req, res }) => {
      const week = await reviewWeek(db, workspace, query);
      const file = await reviewPdf({
        db,
        // The page is printed from this very server, whatever name the caller reached it by.
        origin: `http://127.0.0.1:${req.socket.localPort}`,
        workspaceSlug: workspace.slug,
        week,
        lang: query.lang,
        userId: actor.kind === 'user' ? actor.userId : null,
        chromiumPath,
      });
      await auditExport(db, workspace.id, actor, 'pdf', week);
      sendFile(res, 'application/pdf', `review-${workspace.slug}-${week}-${query.lang}.pdf`, file);
    }),
    implement(reviewContract.chart, async ({ db, workspace, query, params, res }) => {
      const r = await review(db, workspace, query);
      const name = params.name.replace(/\.png$/, '');
      const png = renderPng(reviewChart(r, name, query.lang), { width: 800, height: 400 });
      sendFile(res, 'image/png', `${name}-${r.week}.png`, png, false);
    }),
  ];
}

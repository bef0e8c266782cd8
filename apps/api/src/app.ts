import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { DatabaseHandle } from './db/database.js';
import { AppError } from './errors/app-error.js';
import { defaultConfig, type Config } from './config.js';
import { createErrorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.routes.js';
import { inputGuard } from './http/input-guard.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security.js';
import { createLogger, type Logger } from './lib/logger.js';
import { mountRoutes, type RouteDefinition } from './http/route.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { apiKeysRoutes } from './features/api-keys/api-keys.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { membersRoutes } from './features/members/members.routes.js';
import { settingsRoutes } from './features/settings/settings.routes.js';
import { annotationsRoutes } from './features/annotations/annotations.routes.js';
import { communityRoutes } from './features/community/community.routes.js';
import { goalsRoutes } from './features/goals/goals.routes.js';
import { readinessRoutes } from './features/readiness/readiness.routes.js';
import { riskRoutes } from './features/risk/risk.routes.js';
import { roiRoutes } from './features/roi/roi.routes.js';
import { teamKpisRoutes } from './features/team-kpis/team-kpis.routes.js';
import { summaryRoutes } from './features/summary/summary.routes.js';
import { membershipRoutes } from './features/membership/membership.routes.js';
import { trendsRoutes } from './features/trends/trends.routes.js';
import { cohortsRoutes } from './features/cohorts/cohorts.routes.js';
import { ltvRoutes } from './features/ltv/ltv.routes.js';
import { tiersRoutes } from './features/tiers/tiers.routes.js';
import { attributionRoutes } from './features/attribution/attribution.routes.js';
import { importsRoutes } from './features/imports/imports.routes.js';
import { channelsRoutes } from './features/channels/channels.routes.js';
import { importPresetsRoutes } from './features/imports/presets/presets.routes.js';
import { importTemplatesRoutes } from './features/imports/import-templates.routes.js';
import { ingestRoutes } from './features/imports/ingest.routes.js';
import { reviewRoutes } from './features/review/review.routes.js';
import { incrementalityRoutes } from './features/incrementality/incrementality.routes.js';
import { experimentsRoutes } from './features/experiments/experiments.routes.js';
import type { DashboardWarmer } from './warm-up/dashboard-warmer.js';

export interface AppOptions {
  handle: DatabaseHandle;
  /** The built web app (apps/web/dist); served with an index.html fallback when it exists. */
  webDist?: string | undefined;
  isShuttingDown?: () => boolean;
  /** Warms the dashboard's default answers after each import (the server passes one). */
  warmer?: DashboardWarmer | undefined;
  /** Validated settings (config.ts); the app reads no environment variable itself. */
  config?: Pick<
    Config,
    'TRUST_PROXY' | 'SLOW_REQUEST_MS' | 'YUGANG_MAX_UPLOAD_MB' | 'ACCESS_CACHE_MS' | 'CHROMIUM_PATH'
  >;
  /** Where request lines and errors go; default: errors only, to stderr. */
  logger?: Logger;
}

export function createApp({
  handle,
  webDist,
  isShuttingDown = () => false,
  warmer,
  config = defaultConfig,
  logger = createLogger({ level: 'error', stream: process.stderr }),
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Default false: X-Forwarded-* is ignored unless TRUST_PROXY names the proxy in front.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLog(logger, config.SLOW_REQUEST_MS));
  app.use(securityHeaders());

  const api = express.Router();
  api.use(express.json({ limit: '10mb' }));
  api.use(inputGuard());
  api.use(healthRoutes(handle, isShuttingDown));
  // Every route declared with the route kit (src/http/route.ts): add your feature's list here.
  // The OpenAPI document and the isolation matrix (test/isolation.test.ts) read this list.
  const routes: RouteDefinition[] = [
    ...authRoutes(),
    ...settingsRoutes,
    ...membersRoutes,
    ...apiKeysRoutes,
    ...auditRoutes,
    ...roiRoutes(),
    ...riskRoutes(),
    ...communityRoutes(),
    ...teamKpisRoutes(),
    ...goalsRoutes(),
    ...annotationsRoutes(),
    ...readinessRoutes(),
    ...summaryRoutes(),
    ...membershipRoutes(),
    ...trendsRoutes(),
    ...cohortsRoutes(),
    ...ltvRoutes(),
    ...tiersRoutes(),
    ...attributionRoutes(),
    // Before importsRoutes: POST …/imports/preview is not an import kind.
    ...importPresetsRoutes({ maxUploadBytes: config.YUGANG_MAX_UPLOAD_MB * 1024 * 1024 }),
    ...importsRoutes({ warmer, maxUploadBytes: config.YUGANG_MAX_UPLOAD_MB * 1024 * 1024 }),
    ...importTemplatesRoutes(),
    ...channelsRoutes(),
    ...ingestRoutes({ warmer }),
    ...reviewRoutes({ chromiumPath: config.CHROMIUM_PATH }),
    ...incrementalityRoutes(),
    ...experimentsRoutes(),
  ];
  api.use(mountRoutes(app, routes, { handle, accessCacheMs: config.ACCESS_CACHE_MS }));
  warmer?.warmRoutes(routes);
  api.use((req, _res, next) =>
    next(new AppError(404, 'not_found', `no route ${req.method} ${req.baseUrl}${req.path}`)),
  );
  app.use('/api/v1', api);
  app.use('/api', (req, _res, next) =>
    next(new AppError(404, 'not_found', `no route ${req.method} /api${req.path}`)),
  );

  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(webDist, 'index.html'));
    });
  }
  app.use(createErrorHandler(logger));
  return app;
}

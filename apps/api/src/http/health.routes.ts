import { Router } from 'express';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';

export function healthRoutes(handle: DatabaseHandle, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    let database: 'up' | 'down' = 'up';
    try {
      await sql`select 1`.execute(handle.db);
    } catch {
      database = 'down';
    }
    const ok = database === 'up' && !isShuttingDown();
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'unavailable', engine: handle.engine, database });
  });
  return router;
}

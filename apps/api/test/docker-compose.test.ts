import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Service {
  image?: string;
  command?: string[];
  build?: unknown;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: string[];
}

describe('docker-compose.yml (no Docker engine here, so its shape is checked)', () => {
  const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };

  it('when read, then Postgres is pinned to 16 with a health check and a named volume', () => {
    const db = compose.services.db!;
    expect(db.image).toBe('postgres:16');
    expect(db.healthcheck?.test).toBeDefined();
    const volume = db.volumes?.[0]?.split(':')[0];
    expect(volume && volume in compose.volumes).toBe(true);
  });

  it('when read, then Postgres gets more than its 128 MB default of shared buffers, overridable', () => {
    const command = compose.services.db!.command ?? [];
    expect(command[0]).toBe('postgres');
    expect(command).toContain('shared_buffers=${DB_SHARED_BUFFERS:-1GB}');
    expect(command).toContain('max_wal_size=4GB');
  });

  it('when read, then the app is built here, waits for a healthy database and checks its own health', () => {
    const app = compose.services.app!;
    expect(app.build).toBe('.');
    expect(app.depends_on?.db?.condition).toBe('service_healthy');
    expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@db:5432\//);
    expect(JSON.stringify(app.healthcheck?.test)).toContain('/api/v1/health');
    const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThan(1);
    expect(dockerfile).toContain('HEALTHCHECK');
  });
});

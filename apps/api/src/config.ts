import { z } from 'zod';

/**
 * Express's `trust proxy`: `false` (the default) trusts no proxy, so X-Forwarded-For/-Proto/-Host
 * are ignored everywhere (client IP for the login limiter, https for HSTS and Secure cookies,
 * the host for the Origin check). `true`, `loopback`, a hop count or a list of addresses/CIDRs
 * (comma-separated) trusts those.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): boolean | number | string | string[] => {
    const lower = value.toLowerCase();
    if (lower === 'false' || lower === '0' || lower === 'no') return false;
    if (lower === 'true' || lower === 'yes') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const parts = value.split(',').map((p) => p.trim());
    if (parts.some((p) => !/^[\w.:/-]+$/.test(p))) {
      ctx.addIssue({ code: 'custom', message: 'false, true, a hop count or addresses/CIDRs' });
      return z.NEVER;
    }
    return parts.length === 1 ? parts[0]! : parts;
  });

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  YUGANG_DATA_DIR: z.string().default('./.data'),
  YUGANG_WEB_DIST: z.string().optional(),
  YUGANG_DEMO: z.enum(['auto', 'off']).default('auto'),
  YUGANG_MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests slower than this are logged at warn level. */
  SLOW_REQUEST_MS: z.coerce.number().int().positive().default(1000),
  TRUST_PROXY: trustProxy.default(false),
  /** SIGTERM: how long in-flight requests may take before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Server processes sharing the port (node:cluster), for PostgreSQL only: PGlite is one process.
   * Each keeps its own per-version caches; the login limiter lives in the database.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * How long a process keeps a caller (session or API key), their role in a workspace and the
   * workspace's data version before asking the database again (src/http/recent.ts). A change made
   * through this process counts at once; one made by another worker or the CLI within this bound.
   */
  ACCESS_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** The browser that prints the review's PDF (501 pdf_unavailable without one). */
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /**
   * Mixed into each workspace's phone-hash key (features/imports/identity.ts), so a database dump
   * alone cannot reverse the hashes. Server and CLI must agree on it.
   */
  YUGANG_SECRET: z.string().optional(),
  /** `off` bypasses the per-version caches (read-model-cache.ts): the bench's uncached figures. */
  YUGANG_READ_MODEL_CACHE: z.enum(['on', 'off']).default('on'),
});

export type Config = z.infer<typeof schema>;

/** Parsed once at start; a bad variable stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Every default, as if no variable were set (tests and benches that build an app directly). */
export const defaultConfig: Config = loadConfig({});

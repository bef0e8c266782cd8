import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  YUGANG_DATA_DIR: z.string().default('./.data'),
  YUGANG_WEB_DIST: z.string().optional(),
  YUGANG_DEMO: z.enum(['auto', 'off']).default('auto'),
  YUGANG_MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
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

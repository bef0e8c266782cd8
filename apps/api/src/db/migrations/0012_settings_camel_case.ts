import { sql, type Kysely } from 'kysely';

/**
 * Workspace settings are read by one strict reader (camelCase keys, numbers as numbers). The read
 * model's former reader also took snake_case spellings, `attributionShare` and numeric strings,
 * so a workspace stored that way had a default margin in its rollups but not in predicted LTV.
 * This rewrites such values once to the camelCase key, taking the value the former reader took
 * (the first valid one in the order below), and drops the other spellings. Frozen in time: no
 * app imports.
 */
const SPELLINGS: Record<string, readonly string[]> = {
  defaultMargin: ['defaultMargin', 'default_margin'],
  privateShare: ['privateShare', 'private_share', 'attributionShare', 'attribution_share'],
  commissionRate: ['commissionRate', 'commission_rate'],
};

function rate(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
}

export async function up(db: Kysely<any>): Promise<void> {
  const rows = await sql<{ id: number; settings: unknown }>`
    select id, settings from workspaces where jsonb_typeof(settings) = 'object'`.execute(db);
  for (const row of rows.rows) {
    const settings = { ...(row.settings as Record<string, unknown>) };
    let changed = false;
    for (const [key, spellings] of Object.entries(SPELLINGS)) {
      const present = spellings.filter((s) => s in settings);
      if (present.length === 0) continue;
      const value = present.map((s) => rate(settings[s])).find((v) => v !== null);
      if (present.length === 1 && present[0] === key && settings[key] === value) continue;
      for (const s of present) delete settings[s];
      if (value !== undefined) settings[key] = value;
      else if (key in (row.settings as Record<string, unknown>)) {
        // Not a valid rate under any spelling: keep the camelCase value for the reader to default.
        settings[key] = (row.settings as Record<string, unknown>)[key];
      }
      changed = true;
    }
    if (changed) {
      await sql`update workspaces set settings = ${JSON.stringify(settings)}::jsonb
        where id = ${row.id}`.execute(db);
    }
  }
}

/** The former spellings are not kept: the camelCase values stay (they mean the same). */
export async function down(): Promise<void> {}

import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_base_tables.js';
import * as m0003 from './migrations/0003_read_model.js';
import * as m0005 from './migrations/0005_dashboard_indexes.js';
import * as m0006 from './migrations/0006_orders_fk_via_customer.js';
import * as m0007 from './migrations/0007_orders_references_per_statement.js';
import * as m0008 from './migrations/0008_read_model_previous_days.js';
import * as m0009 from './migrations/0009_read_model_fillfactor.js';
import * as m0010 from './migrations/0010_orders_without_date_index.js';
import * as m0011 from './migrations/0011_read_model_last_day.js';
import * as m0012 from './migrations/0012_settings_camel_case.js';
import * as m0013 from './migrations/0013_experiments.js';
import * as m0014 from './migrations/0014_import_presets.js';
import * as m0015 from './migrations/0015_login_attempts.js';
import * as m0016 from './migrations/0016_predicted_ltv_fits.js';
import * as m0017 from './migrations/0017_stored_tiers_and_scores.js';
import * as m0019 from './migrations/0019_window_spans.js';
import * as m0020 from './migrations/0020_customer_identities.js';
import * as m0021 from './migrations/0021_new_customers_by_domain_index.js';
import * as m0022 from './migrations/0022_read_model_conversion_orders.js';
import * as m0023 from './migrations/0023_team_kpi_covering_indexes.js';
import * as m0024 from './migrations/0024_window_span_blocks.js';
import * as m0025 from './migrations/0025_daily_customers.js';
import * as m0026 from './migrations/0026_read_model_conversions_in_span.js';
import * as m0027 from './migrations/0027_reply_counts.js';
import * as m0028 from './migrations/0028_daily_conversions.js';

// Listed by hand rather than read from the folder: works the same under tsx, vitest and a bundle.
const migrations: Record<string, Migration> = {
  '0001_base_tables': m0001,
  '0003_read_model': m0003,
  '0005_dashboard_indexes': m0005,
  '0006_orders_fk_via_customer': m0006,
  '0007_orders_references_per_statement': m0007,
  '0008_read_model_previous_days': m0008,
  '0009_read_model_fillfactor': m0009,
  '0010_orders_without_date_index': m0010,
  '0011_read_model_last_day': m0011,
  '0012_settings_camel_case': m0012,
  '0013_experiments': m0013,
  '0014_import_presets': m0014,
  '0015_login_attempts': m0015,
  '0016_predicted_ltv_fits': m0016,
  '0017_stored_tiers_and_scores': m0017,
  '0019_window_spans': m0019,
  '0020_customer_identities': m0020,
  '0021_new_customers_by_domain_index': m0021,
  '0022_read_model_conversion_orders': m0022,
  '0023_team_kpi_covering_indexes': m0023,
  '0024_window_span_blocks': m0024,
  '0025_daily_customers': m0025,
  '0026_read_model_conversions_in_span': m0026,
  '0027_reply_counts': m0027,
  '0028_daily_conversions': m0028,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
}

import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';

// Both engines are configured (db/database.ts) to return int8 and numeric as JS numbers and
// `date` as 'YYYY-MM-DD' strings; timestamptz comes back as Date.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | T, string | T>;
// Columns with a database default: optional on insert. (Kysely's Generated<> must not wrap a
// ColumnType, or selects come back typed as the ColumnType itself.)
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultJson<T> = ColumnType<T, string | T | undefined, string | T>;

export type Domain = 'public' | 'private';
export type Role = 'owner' | 'lead' | 'viewer';
export type CostCategory = 'labor' | 'tools' | 'traffic' | 'trial' | 'fixed';
export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'completed' | 'cancelled';
export type ImportStatus = 'running' | 'succeeded' | 'rejected' | 'failed' | 'validated';

export interface WorkspacesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  time_zone: Generated<string>;
  currency: Generated<string>;
  private_launched_on: DateOnly | null;
  settings: DefaultJson<Record<string, unknown>>;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  password_hash: string;
  created_at: DefaultTimestamp;
}

export interface MembershipsTable {
  workspace_id: number;
  user_id: number;
  role: Role;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  workspace_id: number;
  id: Generated<number>;
  name: Generated<string>;
  prefix: string;
  key_hash: string;
  read_only: Generated<boolean>;
  created_by: number | null;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ChannelsTable {
  workspace_id: number;
  code: string;
  name: string;
  domain: Domain;
  kind: Generated<string>;
  commission_rate: number | null;
}

export interface CustomersTable {
  workspace_id: number;
  id: Generated<number>;
  external_id: string;
  acquired_at: Timestamp | null;
  acquisition_channel: string | null;
  joined_private_at: Timestamp | null;
  left_private_at: Timestamp | null;
}

/** Every identifier an import has seen for a customer (migration 0020; phones only as hashes). */
export interface CustomerIdentitiesTable {
  workspace_id: number;
  value: string;
  kind: 'external' | 'phone' | 'platform';
  customer_id: number;
  created_at: Generated<Timestamp>;
}

export interface OrdersTable {
  workspace_id: number;
  id: Generated<number>;
  external_id: string;
  customer_id: number;
  channel: string;
  domain: Domain;
  ordered_at: Timestamp;
  local_date: DateOnly;
  amount_fen: number;
  gross_profit_fen: number | null;
  commission_fen: number | null;
  status: Generated<OrderStatus>;
  returned: Generated<boolean>;
  refund_fen: Generated<number>;
}

export interface CostsTable {
  workspace_id: number;
  month: DateOnly;
  domain: Domain;
  category: CostCategory;
  note: Generated<string>;
  amount_fen: number;
}

export interface AccountsTable {
  workspace_id: number;
  external_id: string;
  kind: Generated<string>;
  registered_at: DateOnly | null;
  backup_of: string | null;
}

export interface AccountDailyTable {
  workspace_id: number;
  account_id: string;
  date: DateOnly;
  active_adds: Generated<number>;
  passive_adds: Generated<number>;
  mass_sends: Generated<number>;
  complaints: Generated<number>;
}

export interface ConversationsTable {
  workspace_id: number;
  external_id: string;
  customer_id: number | null;
  account_id: string | null;
  first_inbound_at: Timestamp;
  first_response_at: Timestamp | null;
  /** Whole minutes from the first inbound message to the first reply (generated, 0027). */
  reply_minute: GeneratedAlways<number | null>;
}

export interface GroupsTable {
  workspace_id: number;
  external_id: string;
  name: Generated<string>;
  created_on: DateOnly | null;
}

export interface GroupDailyTable {
  workspace_id: number;
  group_id: string;
  date: DateOnly;
  members: number;
  active_members: number;
  messages: Generated<number>;
  joins: Generated<number>;
  leaves: Generated<number>;
  internal_members: Generated<number>;
  internal_messages: number | null;
}

export interface LiveSessionsTable {
  workspace_id: number;
  external_id: string;
  channel: string;
  started_at: Timestamp;
  viewers: number;
  private_adds: number;
}

export interface GoalsTable {
  workspace_id: number;
  id: Generated<number>;
  metric: string;
  segment: Generated<'public' | 'private' | 'all'>;
  period_start: DateOnly;
  period_end: DateOnly;
  target: number;
  purpose: Generated<string>;
  boundary: Generated<string>;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface AnnotationsTable {
  workspace_id: number;
  id: Generated<number>;
  date: DateOnly;
  text: string;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface ReadinessAssessmentsTable {
  workspace_id: number;
  id: Generated<number>;
  answers: Json<Record<string, unknown>>;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface ImportRowError {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportsTable {
  workspace_id: number;
  id: Generated<number>;
  kind: string;
  file_name: Generated<string>;
  status: ImportStatus;
  dry_run: Generated<boolean>;
  rows_read: Generated<number>;
  rows_inserted: Generated<number>;
  rows_updated: Generated<number>;
  rows_rejected: Generated<number>;
  errors: DefaultJson<ImportRowError[]>;
  message: string | null;
  created_by: number | null;
  api_key_id: number | null;
  started_at: DefaultTimestamp;
  finished_at: Timestamp | null;
  /** The platform preset or saved mapping the file was read with (migration 0014). */
  preset: string | null;
}

/** The key of the phone hash, one per workspace (migration 0014); only the importer reads it. */
export interface WorkspaceSecretsTable {
  workspace_id: number;
  identity_key: string;
  created_at: DefaultTimestamp;
}

/** A saved column mapping (migration 0014): the file's header → our field, per kind. */
export interface ImportMappingsTable {
  workspace_id: number;
  name: string;
  kind: string;
  columns: Json<Record<string, string>>;
  created_by: number | null;
  updated_at: DefaultTimestamp;
}

/** Failed sign-ins per hashed key in a fixed window (migration 0015; features/auth/rate-limit.ts). */
export interface LoginAttemptsTable {
  key: string;
  failures: number;
  reset_at: Timestamp;
}

export interface AuditLogTable {
  workspace_id: number;
  id: Generated<number>;
  at: DefaultTimestamp;
  actor_user_id: number | null;
  actor_api_key_id: number | null;
  action: string;
  target: Generated<string>;
  details: DefaultJson<Record<string, unknown>>;
}

// Read model (migration 0003, docs/decisions/0002-read-model.md). Dates are workspace-local.
export interface ReadModelFacts {
  orders: number;
  returned_orders: number;
  gmv_fen: number;
  repeat_gmv_fen: number;
  private_channel_gmv_fen: number;
  gross_profit_fen: number;
  credited_public_fen: number;
  credited_private_fen: number;
}

export interface RmStateTable {
  workspace_id: number;
  time_zone: string;
  default_margin: number;
  private_share: number;
  order_watermark: Generated<number>;
  rebuilt_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface RmCustomerTable {
  workspace_id: number;
  customer_id: number;
  joined_private_at: Timestamp | null;
  left_private_at: Timestamp | null;
  join_month: DateOnly | null;
  join_cut: DateOnly;
  leave_cut: DateOnly;
  first_order_id: number | null;
  first_ordered_at: Timestamp | null;
  first_local_date: DateOnly | null;
  first_order_month: DateOnly | null;
  first_channel: string | null;
  first_domain: Domain | null;
  first_amount_fen: number | null;
  orders: number;
  gmv_fen: number;
  gross_profit_fen: number;
  last_local_date: DateOnly | null;
  /** Orders on the last order day, and the order day before it (migration 0011). */
  last_day_orders: number | null;
  before_last_local_date: DateOnly | null;
  /**
   * The team KPIs' conversions (migrations 0022, 0026): the second counted order's instant when
   * it came within REPURCHASE_DAYS of the first, and the first counted order's at or after
   * joining when it came within FIRST_ORDER_DAYS of joining; null otherwise.
   */
  repurchased_at: Timestamp | null;
  converted_at: Timestamp | null;
}

export interface RmCustomerDayTable extends ReadModelFacts {
  workspace_id: number;
  local_date: DateOnly;
  customer_id: number;
  join_cut: DateOnly;
  leave_cut: DateOnly;
  /** The customer's previous and second-previous order days, and the previous day's orders. */
  prev_local_date: DateOnly | null;
  prev2_local_date: DateOnly | null;
  prev_orders: number | null;
}

export interface RmDailyTable extends ReadModelFacts {
  workspace_id: number;
  local_date: DateOnly;
}

export interface RmPeriodTable extends ReadModelFacts {
  workspace_id: number;
  grain: 'week' | 'month';
  period_start: DateOnly;
  segment: Domain;
  buyers: number;
  repeat_buyers: number;
}

export interface RmCohortMonthTable {
  workspace_id: number;
  basis: 'first_order' | 'private_join';
  cohort_month: DateOnly;
  activity_month: DateOnly;
  join_cut_month: DateOnly;
  leave_cut_month: DateOnly;
  customers: number;
  gmv_fen: number;
  gross_profit_fen: number;
}

export interface RmCohortSizeTable {
  workspace_id: number;
  basis: 'first_order' | 'private_join';
  cohort_month: DateOnly;
  join_cut_month: DateOnly;
  leave_cut_month: DateOnly;
  customers: number;
}

/** A/B holdouts (migration 0013): each experiment's arm per customer. */
export interface ExperimentAssignmentsTable {
  workspace_id: number;
  experiment_id: string;
  customer_id: number;
  arm: 'treatment' | 'holdout';
  assigned_at: Timestamp;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  channels: ChannelsTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  experiment_assignments: ExperimentAssignmentsTable;
  orders: OrdersTable;
  costs: CostsTable;
  accounts: AccountsTable;
  account_daily: AccountDailyTable;
  conversations: ConversationsTable;
  groups: GroupsTable;
  group_daily: GroupDailyTable;
  live_sessions: LiveSessionsTable;
  goals: GoalsTable;
  annotations: AnnotationsTable;
  readiness_assessments: ReadinessAssessmentsTable;
  imports: ImportsTable;
  import_mappings: ImportMappingsTable;
  workspace_secrets: WorkspaceSecretsTable;
  audit_log: AuditLogTable;
  login_attempts: LoginAttemptsTable;
  rm_state: RmStateTable;
  rm_customer: RmCustomerTable;
  rm_customer_day: RmCustomerDayTable;
  rm_daily: RmDailyTable;
  rm_period: RmPeriodTable;
  rm_cohort_month: RmCohortMonthTable;
  rm_cohort_size: RmCohortSizeTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type NewOrder = Insertable<OrdersTable>;
